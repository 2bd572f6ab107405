package org.mrisr.nodes.degrade;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Settings of the Degrade node; defaults are the paper's evaluation degradation with factor 2. */
final class DegradeSettings extends NodeSettingsGroup {
    final SettingsModelString column = column();
    final SettingsModelString outColumn = outColumn();
    final SettingsModelDoubleBounded sigma = sigma();
    final SettingsModelDoubleBounded factorX = factor("x");
    final SettingsModelDoubleBounded factorY = factor("y");
    final SettingsModelDoubleBounded factorZ = factor("z");
    final SettingsModelIntegerBounded order = order();
    final SettingsModelBoolean prefilter = prefilter();
    final SettingsModelDoubleBounded noise = noise();
    final SettingsModelInteger seed = seed();
    final SettingsModelString nonFinite = NonFiniteVoxels.model();

    static SettingsModelString column() {
        return new SettingsModelString("hr_column", "");
    }

    static SettingsModelString outColumn() {
        return new SettingsModelString("lr_column_name", "LR volume");
    }

    /** Gaussian blur sigma in voxels of the high-resolution grid (0 = no blur). */
    static SettingsModelDoubleBounded sigma() {
        return new SettingsModelDoubleBounded("sigma_voxels", 1.0, 0.0, 100.0);
    }

    /** Downsampling factor along one axis (x, y or z). */
    static SettingsModelDoubleBounded factor(final String axis) {
        return new SettingsModelDoubleBounded("factor_" + axis, 2.0, 1.0, 16.0);
    }

    static SettingsModelIntegerBounded order() {
        return new SettingsModelIntegerBounded("order", 3, 0, 3);
    }

    static SettingsModelBoolean prefilter() {
        return new SettingsModelBoolean("prefilter", false);
    }

    /** Rician noise sigma as a fraction of the low-resolution volume's maximum. */
    static SettingsModelDoubleBounded noise() {
        return new SettingsModelDoubleBounded("rician_noise", 0.0, 0.0, 1.0);
    }

    static SettingsModelInteger seed() {
        return new SettingsModelInteger("seed", 42);
    }

    double[] factors() {
        return new double[] {factorX.getDoubleValue(), factorY.getDoubleValue(), factorZ.getDoubleValue()};
    }

    /** The engine degrader for the row with index {@code row} (the noise seed is seed + row). */
    Degrader degrader(final long row) {
        return Degrader.of(factors()).withSigma(sigma.getDoubleValue()).withOrder(order.getIntValue())
            .withPrefilter(prefilter.getBooleanValue()).withRicianNoise(noise.getDoubleValue(), seed.getIntValue() + row);
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(column, outColumn, sigma, factorX, factorY, factorZ, order, prefilter, noise, seed, nonFinite);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        if (outColumn.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Output column name is empty: give a name such as 'LR volume'");
        }
        if (order.getIntValue() == 2) {
            throw new InvalidSettingsException("Interpolation order 2 is not supported: use 0 (nearest), 1 (linear) or 3 (cubic spline)");
        }
        try {
            degrader(0);
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Degradation option " + e.getMessage(), e);
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new DegradeSettings();
    }
}
