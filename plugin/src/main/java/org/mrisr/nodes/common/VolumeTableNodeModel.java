package org.mrisr.nodes.common;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.nodes.view.VolumeTableSource;

/**
 * A node with one output table of volumes that its view shows. The table is kept for the view only
 * once execution has completed: a failed or cancelled run leaves nothing to show. KNIME saves the
 * kept table with the workflow and hands it back through {@code setInternalTables} on reopening.
 *
 * @param <S> the node's settings
 */
public abstract class VolumeTableNodeModel<S extends NodeSettingsGroup> extends SettingsNodeModel<S>
    implements VolumeTableSource {
    /** Written by the executing thread, read by the view's (event) thread. */
    private volatile BufferedDataTable viewTable;

    protected VolumeTableNodeModel(final PortType[] in, final S settings) {
        super(in, new PortType[] {BufferedDataTable.TYPE}, settings);
    }

    /** The output spec for these inputs (null: an optional input that is not connected). */
    protected abstract DataTableSpec configureTable(PortObjectSpec[] in) throws InvalidSettingsException;

    /** The output table for these inputs. */
    protected abstract BufferedDataTable executeTable(PortObject[] in, ExecutionContext exec) throws Exception;

    @Override
    protected final PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new PortObjectSpec[] {configureTable(inSpecs)};
    }

    @Override
    protected final PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        viewTable = null;
        BufferedDataTable out = executeTable(inObjects, exec);
        viewTable = out;
        return new PortObject[] {out};
    }

    @Override
    public final BufferedDataTable viewTable() {
        return viewTable;
    }

    @Override
    public final void setViewTable(final BufferedDataTable table) {
        viewTable = table;
    }

    @Override
    protected final void reset() {
        viewTable = null;
    }
}
