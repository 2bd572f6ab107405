package org.mrisr.engine.ops;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/**
 * One box of a {@link Degrader}'s output computed from only the HR voxels it depends on: equal to
 * cropping {@code degrader.apply(hr)}, on the whole volume's own sampling grid (LR voxel k reads HR
 * coordinate k·(N−1)/(n−1), as scipy's zoom does for the whole volume). It lets a training source
 * change the HR around one patch (intensity augmentation) and degrade just that block, instead of
 * the whole volume per example, without the geometry drift of degrading a small block on its own.
 *
 * <p>Exact because both steps are local: the blur's truncated kernel reaches {@code radius} voxels
 * and the zoom's spline taps (order + 1 of them, prefilter off) only their neighbours; the block is
 * widened by both and clipped at the volume's faces, where the block's reflecting boundary is the
 * volume's. Not available with the order-3 prefilter (a recursive filter along whole lines) or with
 * noise (drawn relative to the whole volume's maximum).
 */
public final class RegionDegrader {
    private final AxisSampling[] axes = new AxisSampling[3];
    private final double[] sigma;
    private final int[] lrOrigin;
    private final int[] lrSize;
    private final int[] hrOrigin = new int[3];
    private final int[] hrSize = new int[3];

    /**
     * @param degrader how the whole volume is degraded (no prefilter, no noise)
     * @param hr       the whole HR volume (its shape and voxel size; not read)
     * @param lrOrigin first LR voxel of the box (x, y, z)
     * @param lrSize   LR box size (x, y, z), inside the degraded volume
     */
    public RegionDegrader(Degrader degrader, Volume hr, int[] lrOrigin, int[] lrSize) {
        if ((degrader.prefilter() && degrader.order() > 1) || degrader.noiseLevel() > 0) {
            throw new InvalidInputException("degradation", "a region can only be degraded on its own without the "
                    + "order-3 prefilter and without noise (both depend on the whole volume)");
        }
        this.sigma = degrader.sigmaVoxelsFor(hr);
        this.lrOrigin = lrOrigin.clone();
        this.lrSize = lrSize.clone();
        int[] lrShape = Zoom.outputShape(hr.shape(), new double[] {1 / degrader.factors()[0],
                1 / degrader.factors()[1], 1 / degrader.factors()[2]});
        for (int a = 0; a < 3; a++) {
            if (lrOrigin[a] < 0 || lrSize[a] < 1 || lrOrigin[a] + lrSize[a] > lrShape[a]) {
                throw new IllegalArgumentException("LR box outside the degraded volume on axis " + "xyz".charAt(a));
            }
            AxisSampling s = AxisSampling.of(hr.shape()[a], lrShape[a], degrader.order());
            axes[a] = s;
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int k = lrOrigin[a]; k < lrOrigin[a] + lrSize[a]; k++) {
                for (int h = 0; h < s.taps; h++) {
                    lo = Math.min(lo, s.index[k * s.taps + h]);
                    hi = Math.max(hi, s.index[k * s.taps + h]);
                }
            }
            int radius = sigma[a] <= 1e-15 ? 0 : GaussianKernel.radius(sigma[a], GaussianBlur.DEFAULT_TRUNCATE);
            hrOrigin[a] = Math.max(0, lo - radius);
            hrSize[a] = Math.min(hr.shape()[a] - 1, hi + radius) - hrOrigin[a] + 1;
        }
    }

    /** First HR voxel of the block the box depends on (x, y, z). */
    public int[] hrOrigin() {
        return hrOrigin.clone();
    }

    /** Size of that HR block. */
    public int[] hrSize() {
        return hrSize.clone();
    }

    /** The LR box from the HR block ({@link #hrOrigin()}, {@link #hrSize()}), e.g. after changing it. */
    public Volume apply(Volume block) {
        if (block.nx() != hrSize[0] || block.ny() != hrSize[1] || block.nz() != hrSize[2]) {
            throw new IllegalArgumentException("HR block must be " + hrSize[0] + "x" + hrSize[1] + "x" + hrSize[2]);
        }
        float[] b = GaussianBlur.blur(block, sigma).data();
        int bx = hrSize[0];
        int by = hrSize[1];
        int bz = hrSize[2];
        int sx = lrSize[0];
        int sy = lrSize[1];
        int sz = lrSize[2];
        // the same float64 sums, tap order and axis order as Zoom, so values match it exactly
        double[] tx = new double[sx * by * bz];
        for (int line = 0; line < by * bz; line++) {
            int row = line * bx;
            for (int k = 0; k < sx; k++) {
                tx[line * sx + k] = sum(axes[0], lrOrigin[0] + k, hrOrigin[0], i -> b[row + i]);
            }
        }
        double[] ty = new double[sx * sy * bz];
        for (int z = 0; z < bz; z++) {
            for (int k = 0; k < sy; k++) {
                for (int x = 0; x < sx; x++) {
                    int zz = z;
                    int xx = x;
                    ty[x + sx * (k + sy * z)] = sum(axes[1], lrOrigin[1] + k, hrOrigin[1], i -> tx[xx + sx * (i + by * zz)]);
                }
            }
        }
        float[] out = new float[sx * sy * sz];
        for (int k = 0; k < sz; k++) {
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++) {
                    int yy = y;
                    int xx = x;
                    out[x + sx * (y + sy * k)] = (float) sum(axes[2], lrOrigin[2] + k, hrOrigin[2],
                            i -> ty[xx + sx * (yy + sy * i)]);
                }
            }
        }
        return new Volume(sx, sy, sz, out, block.affine(), block.spaceCode());
    }

    private interface Sample {
        double at(int blockIndex);
    }

    /** Output k of one axis: its taps' weighted sum, tap indices shifted into the block. */
    private static double sum(AxisSampling s, int k, int origin, Sample in) {
        if (s.zero[k]) {
            return 0;
        }
        int t = k * s.taps;
        double acc = s.weight[t] * in.at(s.index[t] - origin);
        for (int h = 1; h < s.taps; h++) {
            acc += s.weight[t + h] * in.at(s.index[t + h] - origin);
        }
        return acc;
    }
}
