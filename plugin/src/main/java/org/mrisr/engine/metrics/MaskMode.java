package org.mrisr.engine.metrics;

import java.util.Locale;

/**
 * How a brain mask enters the scores.
 * <ul>
 * <li>{@link #MULTIPLY}: the paper's way: both volumes are multiplied by the mask (outside set to
 * 0) and every score averages over all voxels, SSIM with skimage's border crop; equal to calling
 * skimage on {@code ref*mask, test*mask}.</li>
 * <li>{@link #SELECT}: averages run over mask voxels only: MSE/MAE/NRMSE over them, SSIM is the
 * full (uncropped, unmasked) SSIM map averaged over them, i.e. {@code S[mask].mean()} of skimage's
 * {@code full=True} map.</li>
 * </ul>
 * A mask voxel is "inside" when its value is non-zero (FSL's {@code -bin} convention).
 */
public enum MaskMode {
    MULTIPLY, SELECT;

    /** "multiply" or "select". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pairing: the paper range goes with multiply, the others with select. */
    public static MaskMode defaultFor(DataRangePolicy policy) {
        return policy.kind() == DataRangePolicy.Kind.PAPER ? MULTIPLY : SELECT;
    }

    /** Parses "multiply" or "select" (case-insensitive); null when unknown. */
    public static MaskMode parse(String s) {
        for (MaskMode m : values()) {
            if (m.label().equalsIgnoreCase(s)) {
                return m;
            }
        }
        return null;
    }
}
