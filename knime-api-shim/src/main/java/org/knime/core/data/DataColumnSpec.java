/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.knime.core.data.meta.DataColumnMetaData;

/** Name, type and meta data of one column; made with {@link DataColumnSpecCreator}. */
public final class DataColumnSpec {
    private final String m_name;
    private final DataType m_type;
    private final Map<Class<?>, DataColumnMetaData> m_metaData;

    DataColumnSpec(final String name, final DataType type) {
        this(name, type, Map.of());
    }

    DataColumnSpec(final String name, final DataType type, final Map<Class<?>, DataColumnMetaData> metaData) {
        m_name = name;
        m_type = type;
        m_metaData = Map.copyOf(metaData);
    }

    /** The column's meta data of that class, if it has some. */
    public <M extends DataColumnMetaData> Optional<M> getMetaDataOfType(final Class<M> metaDataClass) {
        return Optional.ofNullable(metaDataClass.cast(m_metaData.get(metaDataClass)));
    }

    /** Shim internal: all meta data, by class. */
    Map<Class<?>, DataColumnMetaData> metaData() {
        return m_metaData;
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataColumnSpec && ((DataColumnSpec)obj).m_name.equals(m_name)
            && ((DataColumnSpec)obj).m_type.equals(m_type) && ((DataColumnSpec)obj).m_metaData.equals(m_metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_name, m_type);
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",type=" + m_type;
    }
}
