/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

/** A row's identifier (unique within a table). */
public final class RowKey {
    private final String m_key;

    public RowKey(final String key) {
        if (key == null) {
            throw new NullPointerException("row key must not be null");
        }
        m_key = key;
    }

    public static RowKey createRowKey(final long rowNumber) {
        return new RowKey("Row" + rowNumber);
    }

    public String getString() {
        return m_key;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_key.equals(m_key);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }

    @Override
    public String toString() {
        return m_key;
    }
}
