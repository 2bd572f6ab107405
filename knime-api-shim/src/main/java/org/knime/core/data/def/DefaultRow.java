/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** An immutable row of cells. */
public class DefaultRow implements DataRow {
    private final RowKey m_key;
    private final DataCell[] m_cells;

    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row key must not be null");
        }
        m_key = rowKey;
        m_cells = row.clone();
        for (int i = 0; i < m_cells.length; i++) {
            if (m_cells[i] == null) {
                throw new NullPointerException("Cell " + i + " of row " + rowKey + " is null (use DataType.getMissingCell())");
            }
        }
    }

    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public String toString() {
        return m_key + ": " + Arrays.toString(m_cells);
    }
}
