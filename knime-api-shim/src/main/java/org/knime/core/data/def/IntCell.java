/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.DoubleValue;

/** An immutable int cell. */
public class IntCell extends DataCell implements IntValue, LongValue, DoubleValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_value;

    public IntCell(final int i) {
        m_value = i;
    }

    @Override
    public int getIntValue() {
        return m_value;
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
        return m_value == ((IntCell)dc).m_value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Integer.toString(m_value);
    }
}
