package org.mrisr.nodes.learner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.mrisr.engine.srgan.SrModel;

/**
 * The two ways to end training early, checked before every step: the learning monitor's stop
 * button (the node then succeeds with the model of the last completed step) and KNIME's cancel
 * (KNIME discards the outputs, so the model is written to the checkpoint folder, if one is set,
 * and the cancel message says where).
 */
final class Cancellation implements BooleanSupplier {
    private final ExecutionMonitor exec;
    private final TrainingHistory history;
    private volatile boolean knimeCancelled;

    Cancellation(final ExecutionMonitor exec, final TrainingHistory history) {
        this.exec = exec;
        this.history = history;
    }

    @Override
    public boolean getAsBoolean() {
        try {
            exec.checkCanceled();
        } catch (CanceledExecutionException e) {
            knimeCancelled = true;
            return true;
        }
        return history.stopRequested();
    }

    boolean knimeCancelled() {
        return knimeCancelled;
    }

    /**
     * The exception ending a KNIME-cancelled run, after writing its model to {@code folder} (the job
     * has already written the checkpoint there); says where the model is, or that nothing was kept.
     */
    static CanceledExecutionException cancelled(final SrModel model, final Path folder, final long steps) {
        String done = "Training cancelled after " + steps + " steps; ";
        if (folder == null) {
            return new CanceledExecutionException(done + "no checkpoint folder is set, so the model was not kept"
                + " (set one to keep it on cancel, or use the learning monitor's stop button)");
        }
        Path m = folder.resolve(CheckpointFolder.CANCEL_MODEL_FILE);
        try {
            model.save(m);
            return new CanceledExecutionException(done + "the model was saved to " + m
                + " (read it with the SRGAN Model Reader) and a resumable checkpoint to "
                + folder.resolve(CheckpointFolder.CHECKPOINT_FILE));
        } catch (IOException e) {
            return new CanceledExecutionException(done + "saving the model to " + folder + " failed: " + e.getMessage());
        }
    }
}
