/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.io.Serializable;

/**
 * One immutable value in a table. Subclasses implement value equality in {@link #equalsDataCell};
 * {@link #equals} handles identity, classes and missing cells.
 */
public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    @Override
    public final boolean equals(final Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof DataCell) || o.getClass() != getClass()) {
            return false;
        }
        DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        return equalsDataCell(other);
    }

    protected abstract boolean equalsDataCell(final DataCell dc);

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();
}
