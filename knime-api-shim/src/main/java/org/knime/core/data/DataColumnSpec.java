/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.util.Objects;

/** Name and type of one column; made with {@link DataColumnSpecCreator}. */
public final class DataColumnSpec {
    private final String m_name;
    private final DataType m_type;

    DataColumnSpec(final String name, final DataType type) {
        m_name = name;
        m_type = type;
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
            && ((DataColumnSpec)obj).m_type.equals(m_type);
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
