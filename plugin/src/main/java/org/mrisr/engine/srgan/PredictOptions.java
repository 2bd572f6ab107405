package org.mrisr.engine.srgan;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.patch.Blending;

/**
 * How a whole volume is processed window by window.
 *
 * @param window   window edge in LR voxels (memory grows with window³; the volume's own size if smaller)
 * @param overlap  overlap of neighbouring windows in LR voxels (hides the zero-padding seams), < window
 * @param blending how overlapping outputs are combined
 */
public record PredictOptions(int window, int overlap, Blending blending) {

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

    /** Window 48, overlap 8 LR voxels, Gaussian blending. */
    public static PredictOptions defaults() {
        return new PredictOptions(48, 8, Blending.GAUSSIAN);
    }
}
