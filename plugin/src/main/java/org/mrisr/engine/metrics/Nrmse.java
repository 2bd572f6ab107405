package org.mrisr.engine.metrics;

import org.mrisr.engine.volume.Volume;

/**
 * Normalised RMSE with skimage's default {@code normalization='euclidean'}:
 * sqrt(MSE) / sqrt(mean(ref²)) = ‖ref − test‖ / ‖ref‖ over a {@link ScoreRegion}. (Not the
 * min-max or mean normalisations.)
 */
public final class Nrmse {
    private Nrmse() {
    }

    /** NaN when the reference is all zero in the region and the test equals it; +∞ if only the reference is. */
    public static double of(Volume reference, Volume test, ScoreRegion region) {
        float[] r = reference.data();
        boolean[] m = region.mask();
        double refSq = 0;
        for (int i = 0; i < r.length; i++) {
            if (m == null || m[i]) {
                double v = r[i];
                refSq += v * v;
            }
        }
        double n = region.denominator();
        double mse = Mse.sumSquaredDifference(r, test.data(), region) / n;
        return Math.sqrt(mse) / Math.sqrt(refSq / n);
    }
}
