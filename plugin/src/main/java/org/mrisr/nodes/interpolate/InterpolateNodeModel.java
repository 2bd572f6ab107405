package org.mrisr.nodes.interpolate;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.VolumeAppendingNodeModel;
import org.mrisr.nodes.common.VolumeColumns;

/**
 * Spline upsampling (engine {@link Interpolator}, scipy.ndimage.zoom semantics): the baseline the
 * SRGAN is compared with. Appends the upsampled volume column, by the factors or onto the shape of
 * another volume of the same row.
 */
final class InterpolateNodeModel extends VolumeAppendingNodeModel<InterpolateSettings> {
    InterpolateNodeModel() {
        this(new InterpolateSettings());
    }

    private InterpolateNodeModel(final InterpolateSettings s) {
        super(s, s.column, "LR volume column", s.outColumn, s.nonFinite);
    }

    /** The column whose volumes give the target shape, or -1 when upsampling by the factors. */
    private int shapeColumn(final DataTableSpec spec) throws InvalidSettingsException {
        return settings().matchShape.getBooleanValue()
            ? VolumeColumns.volumeColumn(spec, settings().shapeColumn.getStringValue(), "Shape column") : -1;
    }

    @Override
    protected void checkInputs(final PortObjectSpec[] in, final DataTableSpec table) throws InvalidSettingsException {
        shapeColumn(table);
    }

    @Override
    protected RowJob prepare(final PortObject[] in, final BufferedDataTable table) throws InvalidSettingsException {
        int shapeColumn = shapeColumn(table.getDataTableSpec());
        int order = settings().order();
        boolean prefilter = settings().prefilter.getBooleanValue();
        double[] factors = settings().factors();
        if (shapeColumn < 0) {
            return (lr, row) -> Interpolator.upsample(lr, factors, order, prefilter);
        }
        String shapeName = settings().shapeColumn.getStringValue();
        return (lr, row) -> {
            DataCell shape = row.row().getCell(shapeColumn);
            if (shape.isMissing()) {
                throw new InvalidInputException(shapeName, "no volume to take the shape from");
            }
            return Interpolator.toShape(lr, ((VolumeValue)shape).getShape(), order, prefilter);
        };
    }
}
