package org.mrisr.engine.ops;

import org.mrisr.engine.volume.Volume;

/**
 * One box of {@code Interpolator.cubic(lr, r)} (scipy's zoom, order 3 with prefilter) computed from an LR box
 * around it, on the whole volume's sampling grid (HR voxel k reads LR coordinate k·(n−1)/(N−1)). It lets a
 * training source that changes the LR around one patch (intensity augmentation) give the cubic-spline residual
 * target without upsampling the whole volume per example.
 *
 * <p>Not exact where the box ends inside the volume: the spline prefilter is a recursive filter along whole
 * lines, and the box's mirror boundary stands in for the voxels beyond it. Its influence decays as
 * |√3 − 2|^d = 0.268^d with the distance d from the box face, so a margin of {@link #MARGIN} LR voxels beyond
 * the taps keeps the error near float32 rounding (measured in the test on random values: 6e-7 of the range). At the volume's
 * faces the box's boundary is the volume's, and there it is exact.
 */
public final class RegionCubic {
    /** LR voxels of context beyond the spline taps of the HR box. */
    public static final int MARGIN = 8;

    private final AxisSampling[] axes = new AxisSampling[3];
    private final int[] lrOrigin = new int[3];
    private final int[] lrSize = new int[3];

    /**
     * @param lrShape  the whole LR volume's shape
     * @param hrShape  the whole upsampled shape (as {@code Zoom.outputShape(lrShape, r)})
     * @param hrOrigin first HR voxel of the box wanted
     * @param hrSize   its size
     */
    public RegionCubic(int[] lrShape, int[] hrShape, int[] hrOrigin, int[] hrSize) {
        for (int a = 0; a < 3; a++) {
            if (hrOrigin[a] < 0 || hrSize[a] < 1 || hrOrigin[a] + hrSize[a] > hrShape[a]) {
                throw new IllegalArgumentException("HR box outside the upsampled volume on axis " + "xyz".charAt(a));
            }
            AxisSampling whole = AxisSampling.of(lrShape[a], hrShape[a], 3);
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int k = hrOrigin[a]; k < hrOrigin[a] + hrSize[a]; k++) {
                for (int h = 0; h < whole.taps; h++) {
                    lo = Math.min(lo, whole.index[k * whole.taps + h]);
                    hi = Math.max(hi, whole.index[k * whole.taps + h]);
                }
            }
            lrOrigin[a] = Math.max(0, lo - MARGIN);
            lrSize[a] = Math.min(lrShape[a] - 1, hi + MARGIN) - lrOrigin[a] + 1;
            axes[a] = whole.slice(hrOrigin[a], hrSize[a], lrOrigin[a], lrSize[a]);
        }
    }

    /** First LR voxel of the box the HR box is computed from (x, y, z). */
    public int[] lrOrigin() {
        return lrOrigin.clone();
    }

    /** Size of that LR box. */
    public int[] lrSize() {
        return lrSize.clone();
    }

    /** The HR box's cubic-spline values from the LR box ({@link #lrOrigin()}, {@link #lrSize()}); affine of the box. */
    public Volume apply(Volume lrBox) {
        if (lrBox.nx() != lrSize[0] || lrBox.ny() != lrSize[1] || lrBox.nz() != lrSize[2]) {
            throw new IllegalArgumentException("LR box must be " + lrSize[0] + "x" + lrSize[1] + "x" + lrSize[2]);
        }
        float[] out = Zoom.resample(SplineFilter.coefficients(lrBox), null, lrSize[0], lrSize[1], lrSize[2], axes[0],
                axes[1], axes[2]);
        return new Volume(axes[0].nOut, axes[1].nOut, axes[2].nOut, out, lrBox.affine(), lrBox.spaceCode());
    }
}
