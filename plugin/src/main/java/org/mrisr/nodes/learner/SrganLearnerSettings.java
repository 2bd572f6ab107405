package org.mrisr.nodes.learner;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.GivenPairsIntensityAugmentation;
import org.mrisr.engine.srgan.train.IntensityAugmentation;
import org.mrisr.engine.srgan.train.LabelSmoothing;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.nodes.common.NodeSettingsGroup;

/**
 * Settings of the SRGAN Learner, one SettingsModel per engine setting (so each can be overridden by
 * a flow variable). Defaults: the paper's ({@link TrainingConfig#defaults()}), factor 2, subpixel-nn.
 */
final class SrganLearnerSettings extends NodeSettingsGroup {
    static final String[] UPSAMPLING = {"resize-conv", "subpixel", "subpixel-nn"};
    static final String[] LABELS = {"one-sided", "noisy", "none"};
    private static final TrainingConfig D = TrainingConfig.defaults();
    private static final String INTENSITY_AUGMENT = "intensity_augment";

    final SettingsModelString hrColumn = hrColumn();
    final SettingsModelString lrColumn = lrColumn();
    final SettingsModelString groupColumn = groupColumn();
    final SettingsModelIntegerBounded factor = factor();
    final SettingsModelString upsampling = upsampling();
    final SettingsModelIntegerBounded steps = steps();
    final SettingsModelIntegerBounded epochs = epochs();
    final SettingsModelIntegerBounded batch = batch();
    final SettingsModelDoubleBounded lrG = lrG();
    final SettingsModelDoubleBounded lrD = lrD();
    final SettingsModelDoubleBounded adversarial = adversarial();
    final SettingsModelDoubleBounded mse = mse();
    final SettingsModelDoubleBounded gdl = gdl();
    final SettingsModelString labels = labels();
    final SettingsModelBoolean onLogits = onLogits();
    final SettingsModelIntegerBounded pretrain = pretrain();
    final SettingsModelBoolean augment = augment();
    final SettingsModelBoolean intensityAugment = intensityAugment();
    final SettingsModelInteger seed = seed();
    final SettingsModelString checkpointFolder = checkpointFolder();
    final SettingsModelIntegerBounded checkpointEvery = checkpointEvery();
    final SettingsModelIntegerBounded validationEvery = validationEvery();

    static SettingsModelString hrColumn() {
        return new SettingsModelString("hr_column", "HR patch");
    }

    static SettingsModelString lrColumn() {
        return new SettingsModelString("lr_column", "LR patch");
    }

    /** Patches sharing a value here share one normalisation maximum m; empty: one m for the table. */
    static SettingsModelString groupColumn() {
        return new SettingsModelString("source_column", "Source row");
    }

    static SettingsModelIntegerBounded factor() {
        return new SettingsModelIntegerBounded("factor", 2, 2, 8);
    }

    static SettingsModelString upsampling() {
        return new SettingsModelString("upsampling", "subpixel-nn");
    }

    static SettingsModelIntegerBounded steps() {
        return new SettingsModelIntegerBounded("steps", (int)D.steps(), 1, Integer.MAX_VALUE);
    }

    /** Passes over the patch table; when > 0 it sets the steps (ceil(epochs x patches / batch)). */
    static SettingsModelIntegerBounded epochs() {
        return new SettingsModelIntegerBounded("epochs", 0, 0, 1_000_000);
    }

    static SettingsModelIntegerBounded batch() {
        return new SettingsModelIntegerBounded("batch_size", D.batchSize(), 1, 1024);
    }

    static SettingsModelDoubleBounded lrG() {
        return new SettingsModelDoubleBounded("learning_rate_g", D.learningRateG(), 1e-12, 1);
    }

    static SettingsModelDoubleBounded lrD() {
        return new SettingsModelDoubleBounded("learning_rate_d", D.learningRateD(), 1e-12, 1);
    }

    static SettingsModelDoubleBounded adversarial() {
        return new SettingsModelDoubleBounded("adversarial_weight", D.adversarialWeight(), 0, 1e6);
    }

    static SettingsModelDoubleBounded mse() {
        return new SettingsModelDoubleBounded("mse_weight", D.mseWeight(), 0, 1e6);
    }

    static SettingsModelDoubleBounded gdl() {
        return new SettingsModelDoubleBounded("gdl_weight", D.gdlWeight(), 0, 1e6);
    }

    static SettingsModelString labels() {
        return new SettingsModelString("labels", "one-sided");
    }

    static SettingsModelBoolean onLogits() {
        return new SettingsModelBoolean("loss_on_logits", D.lossOnLogits());
    }

    static SettingsModelIntegerBounded pretrain() {
        return new SettingsModelIntegerBounded("pretrain_steps", (int)D.pretrainSteps(), 0, Integer.MAX_VALUE);
    }

    static SettingsModelBoolean augment() {
        return new SettingsModelBoolean("augment", D.augment());
    }

    /** Intensity scale and LR noise per pair ({@link GivenPairsIntensityAugmentation}); added later, off. */
    static SettingsModelBoolean intensityAugment() {
        return new SettingsModelBoolean(INTENSITY_AUGMENT, false);
    }

    /** What the intensity option applies: the scale and noise ranges of the engine's defaults. */
    IntensityAugmentation intensity() {
        IntensityAugmentation d = IntensityAugmentation.defaults();
        return intensityAugment.getBooleanValue() ? new IntensityAugmentation(d.scale(), 0, 0, d.noise())
            : IntensityAugmentation.off();
    }

    static SettingsModelInteger seed() {
        return new SettingsModelInteger("seed", (int)D.seed());
    }

    /** Folder for checkpoints and the model saved on cancel; empty: none. */
    static SettingsModelString checkpointFolder() {
        return new SettingsModelString("checkpoint_folder", "");
    }

    static SettingsModelIntegerBounded checkpointEvery() {
        return new SettingsModelIntegerBounded("checkpoint_every", 0, 0, Integer.MAX_VALUE);
    }

    /** Validation MSE every N steps (0: only after the last step); needs the validation table. */
    static SettingsModelIntegerBounded validationEvery() {
        return new SettingsModelIntegerBounded("validation_every", 0, 0, Integer.MAX_VALUE);
    }

    UpsamplingMethod method() throws InvalidSettingsException {
        try {
            return UpsamplingMethod.parse(upsampling.getStringValue());
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Upsampling: " + e.getMessage(), e);
        }
    }

    LabelSmoothing labelSmoothing() throws InvalidSettingsException {
        return switch (labels.getStringValue().toLowerCase(Locale.ROOT)) {
            case "one-sided" -> LabelSmoothing.ONE_SIDED;
            case "noisy" -> LabelSmoothing.NOISY;
            case "none" -> LabelSmoothing.NONE;
            default -> throw new InvalidSettingsException("Labels: unknown label smoothing '" + labels.getStringValue()
                + "'; use one-sided (paper), noisy (reference code) or none");
        };
    }

    /** The engine's training configuration. */
    TrainingConfig config() throws InvalidSettingsException {
        try {
            return new TrainingConfig(steps.getIntValue(), batch.getIntValue(), lrG.getDoubleValue(), lrD.getDoubleValue(),
                adversarial.getDoubleValue(), mse.getDoubleValue(), gdl.getDoubleValue(), labelSmoothing(),
                onLogits.getBooleanValue(), pretrain.getIntValue(), augment.getBooleanValue(), seed.getIntValue(),
                checkpointFolder.getStringValue().isBlank() ? 0 : checkpointEvery.getIntValue());
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(hrColumn, lrColumn, groupColumn, factor, upsampling, steps, epochs, batch, lrG, lrD, adversarial, mse, gdl,
            labels, onLogits, pretrain, augment, seed, checkpointFolder, checkpointEvery, validationEvery, intensityAugment);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(intensityAugment, INTENSITY_AUGMENT);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        int r = factor.getIntValue();
        if (Integer.bitCount(r) != 1) {
            throw new InvalidSettingsException("Factor " + r + " is not a power of two: the generator upsamples x2 per block;"
                + " use 2, 4 or 8");
        }
        method();
        config();
        if (checkpointEvery.getIntValue() > 0 && checkpointFolder.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Checkpoint interval " + checkpointEvery.getIntValue()
                + " is set but no checkpoint folder: choose a folder or set the interval to 0");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new SrganLearnerSettings();
    }
}
