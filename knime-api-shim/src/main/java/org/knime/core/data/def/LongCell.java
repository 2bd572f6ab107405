/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.LongValue;
import org.knime.core.data.DoubleValue;

/** An immutable long cell. */
public class LongCell extends DataCell implements LongValue, DoubleValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long m_value;

    public LongCell(final long l) {
        m_value = l;
    }

    @Override
    public long getLongValue() {
        return m_value;
    }

    @Override
    public double getDoubleValue() {
        return m_value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_value == ((LongCell)dc).m_value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Long.toString(m_value);
    }
}
