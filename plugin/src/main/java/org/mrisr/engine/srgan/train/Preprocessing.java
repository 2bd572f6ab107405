package org.mrisr.engine.srgan.train;

import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.io.ModelInfo;

/**
 * How training pairs are prepared, recorded in the model so prediction does the same.
 *
 * @param normalizer   fitted on each whole degraded LR volume and applied to both sides of its pairs
 * @param residualOver {@link ModelInfo#NO_RESIDUAL}: the HR target is the image (the paper);
 *                     {@link ModelInfo#CUBIC_RESIDUAL}: the target is HR minus the cubic-spline
 *                     upsampling of the whole normalised LR volume, so an untrained network already
 *                     gives cubic spline and training only has to add detail
 */
public record Preprocessing(Normalizer normalizer, String residualOver) {
    public Preprocessing {
        new ModelInfo(null, null, 0, null, Double.NaN, null, residualOver); // validates the mode
    }

    /** The paper's: half-max normalisation, the network gives the image. */
    public static Preprocessing paper() {
        return new Preprocessing(Normalizer.halfMax(), ModelInfo.NO_RESIDUAL);
    }

    public boolean cubicResidual() {
        return ModelInfo.CUBIC_RESIDUAL.equals(residualOver);
    }
}
