package org.mrisr.nodes.degrade;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.common.VolumeRowMapper;
import org.mrisr.nodes.view.VolumeTableSource;

/**
 * Simulates low-resolution acquisitions (engine {@link org.mrisr.engine.ops.Degrader}): blur, downsample,
 * optional Rician noise; appends the LR volume column.
 */
final class DegradeNodeModel extends NodeModel implements VolumeTableSource {
    private final DegradeSettings settings = new DegradeSettings();
    private BufferedDataTable lastTable;

    DegradeNodeModel() {
        super(1, 1);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        if (settings.column.getStringValue().isEmpty()) {
            String first = VolumeColumns.firstVolumeColumn(inSpecs[0]);
            if (first != null) {
                settings.column.setStringValue(first);
                setWarningMessage("HR volume column not set: using '" + first + "'");
            }
        }
        VolumeColumns.volumeColumn(inSpecs[0], settings.column.getStringValue(), "HR volume column");
        settings.validateValues();
        return new DataTableSpec[] {VolumeRowMapper.outSpec(inSpecs[0], settings.outColumn.getStringValue())};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        int col = VolumeColumns.volumeColumn(inData[0].getDataTableSpec(), settings.column.getStringValue(),
            "HR volume column");
        VolumeRowMapper.Result r = VolumeRowMapper.map(inData[0], col, settings.outColumn.getStringValue(),
            (hr, row) -> settings.degrader(row).apply(hr), exec);
        if (r.warning() != null) {
            setWarningMessage(r.warning());
        }
        lastTable = r.table();
        return new BufferedDataTable[] {lastTable};
    }

    @Override
    public BufferedDataTable viewTable() {
        return lastTable;
    }

    @Override
    public void setViewTable(final BufferedDataTable table) {
        lastTable = table;
    }

    @Override
    protected void reset() {
        lastTable = null;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO s) {
        settings.save(s);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.load(s);
    }

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec) {
        // The view's table comes back through setInternalTables.
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) {
    }
}
