package org.mrisr.nodes.learner;

import java.nio.file.Path;
import java.util.Arrays;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.srgan.train.TrainingJob;
import org.mrisr.engine.srgan.train.Validation;
import org.mrisr.nodes.port.SrganModelPortObject;

/**
 * The engine's {@link TrainingJob.Spec} from the learner's settings and inputs: the generator (a
 * warm start keeps its model's architecture), the training table's patch size, the planned steps,
 * checkpoints in the checkpoint folder, and validation on the optional validation table (the best
 * model is kept in the checkpoint folder when one is set).
 */
final class LearnerSpec {
    private LearnerSpec() {
    }

    static TrainingJob.Spec of(final SrganLearnerSettings settings, final TrainingConfig config, final int[] hrPatch,
        final SrganModelPortObject warm, final Validation validation, final Path folder) throws InvalidSettingsException {
        GeneratorConfig generator = WarmStartPort.generator(settings, warm);
        TrainingJob.Spec spec;
        try {
            spec = TrainingJob.Spec.of(generator, hrPatch, config);
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Patches " + dims(hrPatch) + ": " + e.getMessage(), e);
        }
        if (warm != null) {
            spec = spec.warmStartingFrom(warm.model());
        }
        if (folder != null) {
            spec = spec.withCheckpoint(folder.resolve(CheckpointFolder.CHECKPOINT_FILE));
        }
        if (validation != null) {
            spec = spec.withValidation(validation, settings.validationEvery.getIntValue(),
                folder == null ? null : folder.resolve(CheckpointFolder.BEST_MODEL_FILE));
        }
        return spec;
    }

    /** The validation set: every pair of the validation table, which must have the training patches' size. */
    static Validation validation(final BufferedDataTable table, final SrganLearnerSettings settings, final long seed,
        final int[] trainingHrPatch, final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        if (table == null) {
            return null;
        }
        PatchColumns columns = PatchColumns.of(table.getDataTableSpec(), settings, PatchColumns.VALIDATION);
        TablePatchSource patches = TablePatchSource.read(table, columns, settings.factor.getIntValue(), seed,
            PatchColumns.VALIDATION, exec);
        if (!Arrays.equals(patches.hrShape(), trainingHrPatch)) {
            throw new InvalidSettingsException("Validation patches " + dims(patches.hrShape())
                + " differ from the training patches " + dims(trainingHrPatch) + ": extract both with one patch size");
        }
        return new Validation(patches.pairs());
    }

    private static String dims(final int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }
}
