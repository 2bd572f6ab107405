package org.mrisr.nodes.common;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortType;

/**
 * The lifecycle every mrisr node shares: its {@link NodeSettingsGroup} is saved, validated (a fresh
 * copy is loaded and checked, so rejected settings never reach the node) and loaded. Internals and
 * reset do nothing unless a node keeps something of its own (a training history, say). Between
 * executions a node holds its settings and at most what its view shows; what one execution needs lives
 * in that execution's locals, so copies of a node can run at the same time.
 *
 * @param <S> the node's settings
 */
public abstract class SettingsNodeModel<S extends NodeSettingsGroup> extends NodeModel {
    private final S settings;

    protected SettingsNodeModel(final int nrIn, final int nrOut, final S settings) {
        super(nrIn, nrOut);
        this.settings = settings;
    }

    protected SettingsNodeModel(final PortType[] in, final PortType[] out, final S settings) {
        super(in, out);
        this.settings = settings;
    }

    /** The node's live settings (its dialog and view read them too). */
    public final S settings() {
        return settings;
    }

    /**
     * Before the dialog was first opened a column option is empty: take the input's first column of
     * the wanted type and say so in a warning, as KNIME nodes do.
     */
    protected final void defaultToFirstColumn(final SettingsModelString column, final DataTableSpec spec,
        final Class<? extends DataValue> value, final String role) {
        if (column.getStringValue().isEmpty()) {
            List<String> candidates = VolumeColumns.compatible(spec, value);
            if (!candidates.isEmpty()) {
                column.setStringValue(candidates.get(0));
                setWarningMessage(role + " not set: using '" + candidates.get(0) + "'");
            }
        }
    }

    @Override
    protected void reset() {
        // nothing held beyond the settings
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO s) {
        settings.save(s);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.load(s);
    }

    /** None by default: a view's table comes back through BufferedDataTableHolder.setInternalTables. */
    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
    }
}
