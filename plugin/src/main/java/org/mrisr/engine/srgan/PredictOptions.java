package org.mrisr.engine.srgan;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.patch.Blending;

/**
 * How a whole volume is processed window by window.
 *
 * @param window   window edge in LR voxels (memory grows with window³; the volume's own size if smaller)
 * @param overlap  overlap of neighbouring windows in LR voxels (hides the zero-padding seams), < window
 * @param blending how overlapping outputs are combined
 * @param zeroBackground output 0 where the input holds no signal ({@link #BACKGROUND}: the cubic-spline
 *                 upsampling of the input lies within 1 % of the normalisation range above its bottom,
 *                 i.e. below normalised −0.98); false keeps whatever the network writes there
 */
public record PredictOptions(int window, int overlap, Blending blending, boolean zeroBackground) {
    /** Normalised intensity below which the upsampled input counts as empty background. */
    public static final double BACKGROUND = -0.98;

    /** With the background zeroed (the default). */
    public PredictOptions(int window, int overlap, Blending blending) {
        this(window, overlap, blending, true);
    }

    public PredictOptions {
        if (window < 4) {
            throw new InvalidInputException("window", "must be at least 4 LR voxels, got " + window);
        }
        if (overlap < 0 || overlap >= window) {
            throw new InvalidInputException("overlap", "must be in [0, window), got " + overlap + " for window " + window);
        }
        if (blending == null) {
            throw new InvalidInputException("blending", "missing");
        }
    }

    /** The same options with the background policy given. */
    public PredictOptions withZeroBackground(boolean zero) {
        return new PredictOptions(window, overlap, blending, zero);
    }

    /** Window 48, overlap 8 LR voxels, Gaussian blending, background zeroed. */
    public static PredictOptions defaults() {
        return new PredictOptions(48, 8, Blending.GAUSSIAN);
    }
}
