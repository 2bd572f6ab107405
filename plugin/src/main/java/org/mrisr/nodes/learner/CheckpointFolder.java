package org.mrisr.nodes.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.nodes.common.NodePaths;

/**
 * The learner's optional folder for what outlives a run: the resumable checkpoint, the model kept
 * when KNIME cancels (KNIME discards a cancelled node's outputs) and, with a validation table, the
 * model with the lowest validation MSE.
 */
final class CheckpointFolder {
    static final String CHECKPOINT_FILE = "srgan-learner.ckpt";
    static final String CANCEL_MODEL_FILE = "srgan-learner-cancelled.mrisr";
    static final String BEST_MODEL_FILE = "srgan-learner-best.mrisr";

    private CheckpointFolder() {
    }

    /** The folder of the option (created if needed), or null when the option is empty. */
    static Path resolve(final String option) throws InvalidSettingsException {
        if (option.isBlank()) {
            return null;
        }
        Path p = NodePaths.resolve("Checkpoint folder", option);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new InvalidSettingsException("Checkpoint folder " + p + " cannot be created: " + e.getMessage()
                + "; choose a writable folder or clear the option", e);
        }
        return p;
    }
}
