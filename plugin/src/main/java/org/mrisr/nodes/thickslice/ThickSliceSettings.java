package org.mrisr.nodes.thickslice;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.thick.Inference;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.thick.ThickGeometry;
import org.mrisr.engine.thick.TrainingSettings;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;

/**
 * Settings of the Thick-Slice SR node; defaults are the engine's ({@link TrainingSettings#defaults},
 * {@link Inference#defaults}) with the geometry read from each volume's header.
 */
final class ThickSliceSettings extends NodeSettingsGroup {
    static final String AUTO = "auto (coarsest spacing)";
    static final String[] AXES = {AUTO, "x", "y", "z"};
    static final String GAUSSIAN = SliceProfile.Shape.GAUSSIAN.label();
    static final String BOX = SliceProfile.Shape.BOX.label();

    final SettingsModelString column = column();
    final SettingsModelString outColumn = outColumn();
    final SettingsModelString axis = axis();
    final SettingsModelIntegerBounded factor = factor();
    final SettingsModelDoubleBounded thickness = thickness();
    final SettingsModelString profile = profile();
    final SettingsModelIntegerBounded steps = steps();
    final SettingsModelDoubleBounded minutes = minutes();
    final SettingsModelIntegerBounded seed = seed();
    final SettingsModelBoolean fuse = fuse();
    final SettingsModelIntegerBounded window = window();
    final SettingsModelIntegerBounded channels = channels();
    final SettingsModelIntegerBounded depth = depth();
    final SettingsModelIntegerBounded patch = patch();
    final SettingsModelIntegerBounded batch = batch();
    final SettingsModelDoubleBounded learningRate = learningRate();
    final SettingsModelString nonFinite = NonFiniteVoxels.model();

    static SettingsModelString column() {
        return new SettingsModelString("volume_column", "");
    }

    static SettingsModelString outColumn() {
        return new SettingsModelString("output_column_name", "Isotropic volume");
    }

    static SettingsModelString axis() {
        return new SettingsModelString("axis", AUTO);
    }

    /** 0 = from the header. */
    static SettingsModelIntegerBounded factor() {
        return new SettingsModelIntegerBounded("factor", 0, 0, ThickGeometry.MAX_FACTOR);
    }

    /** Slice thickness in mm; 0 = the slice spacing. */
    static SettingsModelDoubleBounded thickness() {
        return new SettingsModelDoubleBounded("slice_thickness_mm", 0, 0, 100);
    }

    static SettingsModelString profile() {
        return new SettingsModelString("slice_profile", GAUSSIAN);
    }

    static SettingsModelIntegerBounded steps() {
        return new SettingsModelIntegerBounded("steps", (int) TrainingSettings.defaults().steps(), 1, 1_000_000);
    }

    /** Training time budget per row in minutes; 0 = none. */
    static SettingsModelDoubleBounded minutes() {
        return new SettingsModelDoubleBounded("minutes_per_row", 0, 0, 10_000);
    }

    static SettingsModelIntegerBounded seed() {
        return new SettingsModelIntegerBounded("seed", (int) TrainingSettings.defaults().seed(), 0, Integer.MAX_VALUE);
    }

    static SettingsModelBoolean fuse() {
        return new SettingsModelBoolean("both_orientations", Inference.defaults().fuse());
    }

    static SettingsModelIntegerBounded window() {
        return new SettingsModelIntegerBounded("window", Inference.defaults().window(), 16, 4096);
    }

    static SettingsModelIntegerBounded channels() {
        return new SettingsModelIntegerBounded("channels", TrainingSettings.defaults().channels(), 1, 512);
    }

    static SettingsModelIntegerBounded depth() {
        return new SettingsModelIntegerBounded("depth", TrainingSettings.defaults().depth(), 2, 64);
    }

    static SettingsModelIntegerBounded patch() {
        return new SettingsModelIntegerBounded("patch", TrainingSettings.defaults().patch(), 8, 512);
    }

    static SettingsModelIntegerBounded batch() {
        return new SettingsModelIntegerBounded("batch", TrainingSettings.defaults().batch(), 1, 1024);
    }

    static SettingsModelDoubleBounded learningRate() {
        return new SettingsModelDoubleBounded("learning_rate", TrainingSettings.defaults().learningRate(), 1e-7, 1);
    }

    /** The axis override, or null for the header's choice. */
    Integer axisOverride() throws InvalidSettingsException {
        String a = axis.getStringValue();
        if (AUTO.equals(a)) {
            return null;
        }
        try {
            return ThickGeometry.parseAxis(a, "Thick axis");
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Thick axis '" + a + "' is unknown: use '" + AUTO + "', x, y or z");
        }
    }

    SliceProfile.Shape shape() throws InvalidSettingsException {
        try {
            return SliceProfile.Shape.parse(profile.getStringValue(), "Slice profile");
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Slice profile '" + profile.getStringValue() + "' is unknown: use "
                + GAUSSIAN + " or " + BOX);
        }
    }

    /** The geometry of one volume with this node's overrides. */
    ThickGeometry geometry(final Volume v, final String source) throws InvalidSettingsException {
        int f = factor.getIntValue();
        double t = thickness.getDoubleValue();
        return ThickGeometry.detect(v, axisOverride(), f == 0 ? null : f, t == 0 ? null : t, source);
    }

    TrainingSettings training() {
        return new TrainingSettings(steps.getIntValue(), 60 * minutes.getDoubleValue(), seed.getIntValue(),
            channels.getIntValue(), depth.getIntValue(), patch.getIntValue(), batch.getIntValue(),
            learningRate.getDoubleValue());
    }

    Inference inference() {
        return new Inference(window.getIntValue(), Inference.defaults().overlap(), fuse.getBooleanValue());
    }

    /** Everything that changes a row's result, to recognise rows finished by an earlier, cancelled run. */
    String fingerprint() {
        return String.join("|", axis.getStringValue(), String.valueOf(factor.getIntValue()),
            String.format(Locale.ROOT, "%.17g", thickness.getDoubleValue()), profile.getStringValue(),
            String.valueOf(steps.getIntValue()), String.format(Locale.ROOT, "%.17g", minutes.getDoubleValue()),
            String.valueOf(seed.getIntValue()), String.valueOf(fuse.getBooleanValue()), String.valueOf(window.getIntValue()),
            String.valueOf(channels.getIntValue()), String.valueOf(depth.getIntValue()), String.valueOf(patch.getIntValue()),
            String.valueOf(batch.getIntValue()), String.format(Locale.ROOT, "%.17g", learningRate.getDoubleValue()));
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(column, outColumn, axis, factor, thickness, profile, steps, minutes, seed, fuse, window, channels,
            depth, patch, batch, learningRate, nonFinite);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        NonFiniteVoxels.policy(nonFinite);
        axisOverride();
        shape();
        if (outColumn.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Output column name is empty: give a name such as 'Isotropic volume'");
        }
        if (factor.getIntValue() == 1) {
            throw new InvalidSettingsException("Factor 1 refines nothing: use 0 (from the header) or 2 to "
                + ThickGeometry.MAX_FACTOR);
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new ThickSliceSettings();
    }
}
