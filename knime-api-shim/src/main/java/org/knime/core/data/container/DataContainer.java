/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;

/**
 * Collects rows in memory and checks them against the spec as KNIME does: cell count, cell types
 * (a column of type X takes X cells, subclasses and missing cells) and unique row keys.
 */
// Not AutoCloseable: KNIME's DataContainer (5.3+ copy read) implements RowAppender and RowFlushable only.
public class DataContainer implements RowAppender {
    private final DataTableSpec m_spec;
    private final List<DataRow> m_rows = new ArrayList<>();
    private final Set<RowKey> m_keys = new HashSet<>();
    private boolean m_closed;

    public DataContainer(final DataTableSpec spec) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null");
        }
        m_spec = spec;
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Container is closed, no rows can be added");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Row " + row.getKey() + " has " + row.getNumCells()
                + " cells, the table spec has " + m_spec.getNumColumns() + " columns");
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            DataCell c = row.getCell(i);
            if (!m_spec.getColumnSpec(i).getType().isASuperTypeOf(c.getType())) {
                throw new IllegalArgumentException("Runtime type of cell #" + i + " (" + c.getType()
                    + ") in row " + row.getKey() + " does not comply with the column type "
                    + m_spec.getColumnSpec(i).getType() + " of column \"" + m_spec.getColumnSpec(i).getName() + "\"");
            }
        }
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Duplicate row key \"" + row.getKey() + "\" in table");
        }
        m_rows.add(row);
    }

    public void close() {
        m_closed = true;
    }

    public boolean isClosed() {
        return m_closed;
    }

    public DataTableSpec getTableSpec() {
        return m_spec;
    }

    public long size() {
        return m_rows.size();
    }

    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Cannot get table: container is not closed");
        }
        final List<DataRow> rows = Collections.unmodifiableList(m_rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return m_spec;
            }

            @Override
            public RowIterator iterator() {
                return iteratorOver(rows);
            }
        };
    }

    /** Iterator over an immutable row list (shared by in-memory tables of the shim). */
    static CloseableRowIterator iteratorOver(final List<DataRow> rows) {
        return new CloseableRowIterator() {
            private int m_next;

            @Override
            public boolean hasNext() {
                return m_next < rows.size();
            }

            @Override
            public DataRow next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return rows.get(m_next++);
            }

            @Override
            public void close() {
                m_next = rows.size();
            }
        };
    }
}
