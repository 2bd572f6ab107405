package org.mrisr.nodes.interpolate;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Settings of the Interpolate node; defaults are the paper's cubic-spline baseline, factor 2. */
final class InterpolateSettings extends NodeSettingsGroup {
    static final String NEAREST = "nearest";
    static final String LINEAR = "linear";
    static final String CUBIC = "cubic spline";

    final SettingsModelString column = column();
    final SettingsModelString outColumn = outColumn();
    final SettingsModelString method = method();
    final SettingsModelDoubleBounded factorX = factor("x");
    final SettingsModelDoubleBounded factorY = factor("y");
    final SettingsModelDoubleBounded factorZ = factor("z");
    final SettingsModelBoolean prefilter = prefilter();
    final SettingsModelBoolean matchShape = matchShape();
    final SettingsModelString shapeColumn = shapeColumn();
    final SettingsModelString nonFinite = NonFiniteVoxels.model();

    static SettingsModelString column() {
        return new SettingsModelString("lr_column", "");
    }

    static SettingsModelString outColumn() {
        return new SettingsModelString("output_column_name", "Interpolated volume");
    }

    static SettingsModelString method() {
        return new SettingsModelString("method", CUBIC);
    }

    /** Upsampling factor along one axis. */
    static SettingsModelDoubleBounded factor(final String axis) {
        return new SettingsModelDoubleBounded("factor_" + axis, 2.0, 1.0, 16.0);
    }

    static SettingsModelBoolean prefilter() {
        return new SettingsModelBoolean("prefilter", true);
    }

    /** Resample onto the shape of another volume column (e.g. the HR volumes) instead of by the factors. */
    static SettingsModelBoolean matchShape() {
        return new SettingsModelBoolean("match_shape", false);
    }

    static SettingsModelString shapeColumn() {
        // Unset: null, which is what the dialog's "<none>" choice stores.
        return new SettingsModelString("shape_column", null);
    }

    double[] factors() {
        return new double[] {factorX.getDoubleValue(), factorY.getDoubleValue(), factorZ.getDoubleValue()};
    }

    /** scipy order of the chosen method. */
    int order() throws InvalidSettingsException {
        switch (method.getStringValue()) {
            case NEAREST:
                return 0;
            case LINEAR:
                return 1;
            case CUBIC:
                return 3;
            default:
                throw new InvalidSettingsException("Method '" + method.getStringValue() + "' is unknown: use '" + NEAREST
                    + "', '" + LINEAR + "' or '" + CUBIC + "'");
        }
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(column, outColumn, method, factorX, factorY, factorZ, prefilter, matchShape, shapeColumn, nonFinite);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        order();
        if (outColumn.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Output column name is empty: give a name such as 'Interpolated volume'");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new InterpolateSettings();
    }
}
