/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.data.meta.DataColumnMetaData;
import org.mrisr.knimeshim.ShimColumnMetaData;

/** Builds {@link DataColumnSpec}s. */
public final class DataColumnSpecCreator {
    private String m_name;
    private DataType m_type;
    private final Map<Class<?>, DataColumnMetaData> m_metaData = new LinkedHashMap<>();

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
        m_metaData.putAll(cspec.metaData());
    }

    public void setName(final String name) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("Column name must not be null or empty");
        }
        m_name = name;
    }

    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Column type must not be null");
        }
        m_type = type;
    }

    /**
     * Adds meta data, replacing that of the same class (overwrite) or merged with it (KNIME merges with the
     * meta data type's creator; the shim knows how to merge the meta data classes registered with
     * ShimColumnMetaData, and fails for others).
     */
    public void addMetaData(final DataColumnMetaData metaData, final boolean overwrite) {
        DataColumnMetaData old = m_metaData.get(metaData.getClass());
        m_metaData.put(metaData.getClass(), overwrite || old == null ? metaData : ShimColumnMetaData.merge(old, metaData));
    }

    public void removeMetaData(final Class<? extends DataColumnMetaData> metaDataClass) {
        m_metaData.remove(metaDataClass);
    }

    public void removeAllMetaData() {
        m_metaData.clear();
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_metaData);
    }
}
