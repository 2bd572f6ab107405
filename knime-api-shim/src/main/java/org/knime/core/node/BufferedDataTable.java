/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A table handed between nodes. The shim keeps its rows in memory. */
public final class BufferedDataTable implements DataTable, PortObject {
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTableSpec m_spec;
    private final List<DataRow> m_rows;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    public long size() {
        return m_rows.size();
    }

    @Override
    public CloseableRowIterator iterator() {
        return new CloseableRowIterator() {
            private int m_next;

            @Override
            public boolean hasNext() {
                return m_next < m_rows.size();
            }

            @Override
            public DataRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return m_rows.get(m_next++);
            }

            @Override
            public void close() {
                m_next = m_rows.size();
            }
        };
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_rows.size() + ", Cols: " + m_spec.getNumColumns();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
