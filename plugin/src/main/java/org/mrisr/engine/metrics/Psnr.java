package org.mrisr.engine.metrics;

import org.mrisr.engine.volume.Volume;

/**
 * Peak signal-to-noise ratio 10·log10(R² / MSE) in dB, as skimage's
 * {@code peak_signal_noise_ratio(ref, test, data_range=R)}. Identical volumes give
 * {@link Double#POSITIVE_INFINITY} (skimage divides by zero to the same value).
 */
public final class Psnr {
    private Psnr() {
    }

    /** From an MSE and a data range R &gt; 0. */
    public static double fromMse(double mse, double dataRange) {
        if (mse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(dataRange * dataRange / mse);
    }

    /**
     * PSNR of a pair over a region, with the range from a policy (resolved on the unmasked volumes).
     * Equal shapes, finite voxels.
     */
    public static double of(Volume reference, Volume test, ScoreRegion region, DataRangePolicy policy) {
        return fromMse(Mse.of(reference, test, region), policy.resolve(reference, test));
    }
}
