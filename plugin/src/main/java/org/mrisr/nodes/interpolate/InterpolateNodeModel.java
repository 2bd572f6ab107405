package org.mrisr.nodes.interpolate;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.common.VolumeRowMapper;
import org.mrisr.nodes.view.VolumeTableSource;

/**
 * Spline upsampling (engine {@link Interpolator}, scipy.ndimage.zoom semantics): the baseline the
 * SRGAN is compared with. Appends the upsampled volume column.
 */
final class InterpolateNodeModel extends NodeModel implements VolumeTableSource {
    private final InterpolateSettings settings = new InterpolateSettings();
    private BufferedDataTable lastTable;

    InterpolateNodeModel() {
        super(1, 1);
    }

    private int[] columns(final DataTableSpec spec) throws InvalidSettingsException {
        int col = VolumeColumns.volumeColumn(spec, settings.column.getStringValue(), "LR volume column");
        int shape = -1;
        if (settings.matchShape.getBooleanValue()) {
            shape = VolumeColumns.volumeColumn(spec, settings.shapeColumn.getStringValue(), "Shape column");
        }
        return new int[] {col, shape};
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        if (settings.column.getStringValue().isEmpty()) {
            String first = VolumeColumns.firstVolumeColumn(inSpecs[0]);
            if (first != null) {
                settings.column.setStringValue(first);
                setWarningMessage("LR volume column not set: using '" + first + "'");
            }
        }
        settings.validateValues();
        columns(inSpecs[0]);
        return new DataTableSpec[] {VolumeRowMapper.outSpec(inSpecs[0], settings.outColumn.getStringValue())};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        int[] col = columns(inData[0].getDataTableSpec());
        int order = settings.order();
        boolean prefilter = settings.prefilter.getBooleanValue();
        double[] factors = settings.factors();
        // The target shape comes from another cell of the same row: the mapper hands over the row index,
        // so look the rows up in order.
        VolumeRowMapper.Result r;
        if (col[1] < 0) {
            r = VolumeRowMapper.map(inData[0], col[0], settings.outColumn.getStringValue(),
                (lr, row) -> Interpolator.upsample(lr, factors, order, prefilter), exec);
        } else {
            List<int[]> shapes = new ArrayList<>();
            for (DataRow row : inData[0]) {
                DataCell c = row.getCell(col[1]);
                shapes.add(c.isMissing() ? null : ((VolumeValue)c).getShape());
            }
            r = VolumeRowMapper.map(inData[0], col[0], settings.outColumn.getStringValue(), (lr, row) -> {
                int[] shape = shapes.get((int)row);
                if (shape == null) {
                    throw new InvalidInputException(settings.shapeColumn.getStringValue(), "no volume to take the shape from");
                }
                return Interpolator.toShape(lr, shape, order, prefilter);
            }, exec);
        }
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
