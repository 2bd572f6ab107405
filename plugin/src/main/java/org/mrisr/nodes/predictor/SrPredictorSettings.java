package org.mrisr.nodes.predictor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.io.Contrast;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Settings of the SR Predictor. Defaults: the engine's {@link PredictOptions#defaults()}. */
final class SrPredictorSettings extends NodeSettingsGroup {
    static final String[] BLENDING = {"gaussian", "constant"};
    private static final PredictOptions D = PredictOptions.defaults();
    static final String MEMORY_KEY = "memory_bound_mib";
    static final String CONTRAST_KEY = "input_contrast";
    /** The contrast setting's default: each row key (the NIfTI Reader's file name) says it. */
    static final String FROM_ROW_KEY = "from the row key";
    static final String[] CONTRASTS = contrasts();

    final SettingsModelString lrColumn = lrColumn();
    final SettingsModelString hrColumn = hrColumn();
    final SettingsModelString outColumn = outColumn();
    final SettingsModelIntegerBounded factor = factor();
    final SettingsModelIntegerBounded window = window();
    final SettingsModelIntegerBounded overlap = overlap();
    final SettingsModelString blending = blending();
    final SettingsModelString nonFinite = NonFiniteVoxels.model();
    final SettingsModelIntegerBounded memoryMiB = memoryMiB();
    final SettingsModelString contrast = contrast();

    static SettingsModelString lrColumn() {
        return new SettingsModelString("lr_column", "");
    }

    /** Only for the view (LR | SR | HR); empty: none. */
    static SettingsModelString hrColumn() {
        return new SettingsModelString("hr_column", "");
    }

    static SettingsModelString outColumn() {
        return new SettingsModelString("output_column", "SR volume");
    }

    /** Picks the shipped default model when no model is connected; a connected model brings its own factor. */
    static SettingsModelIntegerBounded factor() {
        return new SettingsModelIntegerBounded("default_model_factor", 2, 2, 8);
    }

    static SettingsModelIntegerBounded window() {
        return new SettingsModelIntegerBounded("window", D.window(), 4, 4096);
    }

    static SettingsModelIntegerBounded overlap() {
        return new SettingsModelIntegerBounded("overlap", D.overlap(), 0, 4095);
    }

    /** Memory bound per prediction in MiB; 0: the window option decides. */
    static SettingsModelIntegerBounded memoryMiB() {
        return new SettingsModelIntegerBounded(MEMORY_KEY, 0, 0, 1 << 24);
    }

    /** The input's contrast, compared with the model's training contrast for a warning. */
    static SettingsModelString contrast() {
        return new SettingsModelString(CONTRAST_KEY, FROM_ROW_KEY);
    }

    private static String[] contrasts() {
        List<String> c = new ArrayList<>();
        c.add(FROM_ROW_KEY);
        c.addAll(Contrast.KNOWN);
        c.add(Contrast.UNKNOWN);
        return c.toArray(String[]::new);
    }

    /** The contrast set in the node, or null when each row key says it. */
    String inputContrast() throws InvalidSettingsException {
        String v = contrast.getStringValue();
        if (FROM_ROW_KEY.equals(v)) {
            return null;
        }
        try {
            return Contrast.require(v == null ? "" : v, "Input contrast");
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Input contrast: '" + v + "' is not one of " + String.join(", ", CONTRASTS), e);
        }
    }

    static SettingsModelString blending() {
        return new SettingsModelString("blending", D.blending().name().toLowerCase(Locale.ROOT));
    }

    PredictOptions options() throws InvalidSettingsException {
        Blending b = switch (blending.getStringValue().toLowerCase(Locale.ROOT)) {
            case "gaussian" -> Blending.GAUSSIAN;
            case "constant" -> Blending.CONSTANT;
            default -> throw new InvalidSettingsException("Blending: unknown '" + blending.getStringValue()
                + "'; use gaussian or constant");
        };
        try {
            return new PredictOptions(window.getIntValue(), overlap.getIntValue(), b);
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Window/overlap: " + e.getMessage(), e);
        }
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(lrColumn, hrColumn, outColumn, factor, window, overlap, blending, nonFinite, memoryMiB, contrast);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY, memoryMiB, MEMORY_KEY, contrast, CONTRAST_KEY);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        options();
        inputContrast();
        if (outColumn.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Output column name is empty: enter a name such as 'SR volume'");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new SrPredictorSettings();
    }
}
