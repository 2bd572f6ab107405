package org.mrisr.engine.metrics;

import org.mrisr.engine.volume.Volume;

/**
 * Mean squared error, float64 accumulation: skimage's {@code mean_squared_error(ref, test)} (on the
 * mask-multiplied or mask-selected voxels, see {@link ScoreRegion}).
 */
public final class Mse {
    private Mse() {
    }

    /** Σ (ref − test)² / N over the region. Volumes of equal shape. */
    public static double of(Volume reference, Volume test, ScoreRegion region) {
        return sumSquaredDifference(reference.data(), test.data(), region) / region.denominator();
    }

    static double sumSquaredDifference(float[] r, float[] t, ScoreRegion region) {
        boolean[] m = region.mask();
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            if (m == null || m[i]) {
                double d = (double) r[i] - t[i];
                s += d * d;
            }
        }
        return s;
    }
}
