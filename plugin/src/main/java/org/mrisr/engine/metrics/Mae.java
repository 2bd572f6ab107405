package org.mrisr.engine.metrics;

import org.mrisr.engine.volume.Volume;

/** Mean absolute error Σ|ref − test| / N over a {@link ScoreRegion}, float64 accumulation. */
public final class Mae {
    private Mae() {
    }

    public static double of(Volume reference, Volume test, ScoreRegion region) {
        float[] r = reference.data();
        float[] t = test.data();
        boolean[] m = region.mask();
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            if (m == null || m[i]) {
                s += Math.abs((double) r[i] - t[i]);
            }
        }
        return s / region.denominator();
    }
}
