package org.mrisr.engine.srgan.train;

import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.volume.Volume;

/**
 * One training example: an LR patch and its HR patch, both float32 in Volume order (x fastest),
 * HR shape = factor × LR shape per axis.
 *
 * <p>The contract every source keeps: both patches are normalised with the same parameters, fitted
 * by the engine's {@link Normalizer} on the LR data the patch came from, never on the patch alone
 * and never on the HR (inference has only the whole LR volume and fits on it). A source cut from
 * volumes fits on the whole LR volume; a patch table, which has no volume, fits on the LR patches
 * of one source volume. {@link #normalised} applies the parameters.
 */
public record PatchPair(float[] lr, float[] hr, int lrX, int lrY, int lrZ, int factor) {

    public PatchPair {
        if (lr.length != (long) lrX * lrY * lrZ) {
            throw new IllegalArgumentException("LR patch has " + lr.length + " values, shape " + lrX + "x" + lrY + "x" + lrZ);
        }
        if (hr.length != (long) lrX * lrY * lrZ * factor * factor * factor) {
            throw new IllegalArgumentException("HR patch has " + hr.length + " values, expected " + factor + "x the LR shape");
        }
    }

    /** The pair of an LR patch and its HR patch (intensities as read), both normalised with {@code norm}. */
    public static PatchPair normalised(Volume lr, Volume hr, int factor, NormalizationParams norm) {
        return new PatchPair(Normalizer.apply(lr, norm).data(), Normalizer.apply(hr, norm).data(), lr.nx(), lr.ny(),
                lr.nz(), factor);
    }

    public int hrX() {
        return lrX * factor;
    }

    public int hrY() {
        return lrY * factor;
    }

    public int hrZ() {
        return lrZ * factor;
    }
}
