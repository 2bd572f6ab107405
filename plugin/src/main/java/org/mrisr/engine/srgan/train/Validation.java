package org.mrisr.engine.srgan.train;

import org.mrisr.engine.srgan.SrModel;

/**
 * Scores the model being trained on held-out data, higher is better (e.g. mean PSNR); the trainer
 * calls it every N steps and keeps the best model file.
 */
@FunctionalInterface
public interface Validation {
    double score(SrModel model);
}
