package org.mrisr.engine.ops;

import java.util.Arrays;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Resampling equal to {@code scipy.ndimage.zoom(v, factors, order=order, prefilter=prefilter)}
 * with scipy's defaults (mode 'constant', cval 0, grid_mode False), for orders 0 (nearest),
 * 1 (linear) and 3 (cubic B-spline).
 *
 * <ul>
 * <li>Output shape: {@code round(n·factor)} per axis with Python's round (half to even), so
 * 181·0.5 gives 90, not 91.
 * <li>Grid: first and last voxel centres stay put; output index k reads input coordinate
 * k·(n_in−1)/(n_out−1). The output affine is therefore the input affine resampled with that step
 * ({@link #outputAffine}), and a degrade → upsample round trip whose shapes come back gives the
 * original affine.
 * <li>Order 3 with prefilter: coefficients from {@link SplineFilter} (mirror boundary, float64);
 * without prefilter the samples are used as coefficients directly (a slight smoothing, which is
 * what the paper's evaluation degradation does).
 * <li>scipy's quirks are kept: an output slice whose coordinate lands past the last input sample
 * by a rounding error is 0 (see {@link AxisSampling}).
 * </ul>
 *
 * <p>scipy sums the (order+1)³ tensor-product taps per voxel; this class applies the same 1D
 * weights axis by axis (x, y, z) in float64, so values agree to float64 rounding before the final
 * cast to float32 — at most a one-unit difference in the last float32 place, in rare voxels — at a
 * fraction of the cost. Work is split over lines/rows on all cores.
 */
public final class Zoom {
    private Zoom() {
    }

    /** scipy.ndimage.zoom with one factor for all axes or one per axis (x, y, z). */
    public static Volume zoom(Volume v, double[] factors, int order, boolean prefilter) {
        return toShape(v, outputShape(v.shape(), factors), order, prefilter);
    }

    /**
     * Resample to an explicit shape on scipy's zoom grid; equal to
     * {@code zoom(v, np.array(shape)/np.array(v.shape))}. Useful to bring an LR volume back
     * exactly onto its HR grid when the HR size is not a multiple of the factor.
     */
    public static Volume toShape(Volume v, int[] shape, int order, boolean prefilter) {
        if (order != 0 && order != 1 && order != 3) {
            throw new InvalidInputException("order", "interpolation order must be 0, 1 or 3, got " + order);
        }
        if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1) {
            throw new InvalidInputException("shape", "output shape must be 3 positive sizes");
        }
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        AxisSampling ax = AxisSampling.of(nx, shape[0], order);
        AxisSampling ay = AxisSampling.of(ny, shape[1], order);
        AxisSampling az = AxisSampling.of(nz, shape[2], order);

        float[] out = prefilter && order > 1 ? resample(SplineFilter.coefficients(v), null, nx, ny, nz, ax, ay, az)
                // without prefilter the float32 samples are the coefficients: no float64 copy of the input
                : resample(null, v.data(), nx, ny, nz, ax, ay, az);
        return new Volume(shape[0], shape[1], shape[2], out, outputAffine(v.affine(), v.shape(), shape), v.spaceCode());
    }

    /** round(n·factor) per axis, Python's round; factors: 1 or 3 values &gt; 0. */
    public static int[] outputShape(int[] shape, double[] factors) {
        if (factors == null || (factors.length != 1 && factors.length != 3)) {
            throw new InvalidInputException("factor", "needs 1 value or 3 (x, y, z)");
        }
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            double f = factors[factors.length == 1 ? 0 : a];
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new InvalidInputException("factor", "zoom factor must be finite and > 0, got " + f);
            }
            double n = Math.rint(shape[a] * f);
            if (n < 1) {
                throw new InvalidInputException("factor", "zoom factor " + f + " shrinks axis " + "xyz".charAt(a) + " of size "
                        + shape[a] + " to nothing");
            }
            if (n > Integer.MAX_VALUE) {
                throw new InvalidInputException("factor", "zoom factor " + f + " makes axis " + "xyz".charAt(a) + " too large");
            }
            out[a] = (int) n;
        }
        return out;
    }

    /**
     * The affine of scipy's zoom grid: voxel k of the output sits at input index
     * k·(n_in−1)/(n_out−1), first voxel centre unchanged. Where either side has one voxel along an
     * axis that grid has no spacing (scipy samples index 0 only), so the affine takes
     * n_in/n_out, the input's voxel size scaled: an output never gets a zero voxel size.
     */
    public static Affine outputAffine(Affine in, int[] inShape, int[] outShape) {
        double[] step = new double[3];
        for (int a = 0; a < 3; a++) {
            step[a] = inShape[a] == 1 || outShape[a] == 1 ? inShape[a] / (double) outShape[a]
                    : AxisSampling.step(inShape[a], outShape[a]);
        }
        return in.resampled(new double[] {0, 0, 0}, step);
    }

    /**
     * The three separable passes: spline {@code coefficients} (float64) or raw {@code samples} (float32, one of
     * the two non-null) of an nx × ny × nz grid resampled by the given per-axis samplings.
     */
    static float[] resample(double[] coefficients, float[] samples, int nx, int ny, int nz, AxisSampling ax,
            AxisSampling ay, AxisSampling az) {
        int[] shape = {ax.nOut, ay.nOut, az.nOut};
        double[] tx = new double[voxels(shape[0], ny, nz)];
        if (coefficients != null) {
            passX(coefficients, tx, ax, ny * nz);
        } else {
            passX(samples, tx, ax, ny * nz);
        }
        double[] ty = new double[voxels(shape[0], shape[1], nz)];
        // along y: rows of length nx' indexed (k, z)
        passRows(tx, ty, null, ay, shape[0], nz, shape[0], shape[0] * ny, shape[0], shape[0] * shape[1]);
        tx = null;
        float[] out = new float[voxels(shape[0], shape[1], shape[2])];
        int plane = shape[0] * shape[1];
        // along z: rows of length nx' indexed (k, y)
        passRows(ty, null, out, az, shape[0], shape[1], plane, shape[0], plane, shape[0]);
        return out;
    }

    /** Voxel count of an output or intermediate grid, refused when it cannot be one Java array. */
    private static int voxels(int a, int b, int c) {
        long n = (long) a * b * c;
        if (n > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("factor", "resampling to " + a + "x" + b + "x" + c
                    + " needs more voxels than one array can hold (2^31)");
        }
        return (int) n;
    }

    /** Along x: each input line of nIn samples gives nOut samples. */
    private static void passX(double[] src, double[] dst, AxisSampling s, int lines) {
        int nIn = s.nIn;
        int nOut = s.nOut;
        int taps = s.taps;
        Parallel.forRange(lines, (from, to) -> {
            for (int line = from; line < to; line++) {
                int si = line * nIn;
                int di = line * nOut;
                for (int k = 0; k < nOut; k++) {
                    if (s.zero[k]) {
                        dst[di + k] = 0;
                        continue;
                    }
                    int t = k * taps;
                    double acc = s.weight[t] * src[si + s.index[t]];
                    for (int h = 1; h < taps; h++) {
                        acc += s.weight[t + h] * src[si + s.index[t + h]];
                    }
                    dst[di + k] = acc;
                }
            }
        });
    }

    /** {@link #passX(double[], double[], AxisSampling, int)} reading float32 samples. */
    private static void passX(float[] src, double[] dst, AxisSampling s, int lines) {
        int nIn = s.nIn;
        int nOut = s.nOut;
        int taps = s.taps;
        Parallel.forRange(lines, (from, to) -> {
            for (int line = from; line < to; line++) {
                int si = line * nIn;
                int di = line * nOut;
                for (int k = 0; k < nOut; k++) {
                    if (s.zero[k]) {
                        dst[di + k] = 0;
                        continue;
                    }
                    int t = k * taps;
                    double acc = s.weight[t] * (double) src[si + s.index[t]];
                    for (int h = 1; h < taps; h++) {
                        acc += s.weight[t + h] * (double) src[si + s.index[t + h]];
                    }
                    dst[di + k] = acc;
                }
            }
        });
    }

    /**
     * Along y or z, whole rows of {@code width} contiguous samples at a time. Output row (k, o)
     * starts at k·outStep + o·outOther and sums the input rows idx·inStep + o·inOther.
     * Writes float64 into dstD or, for the last axis, float32 into dstF.
     */
    private static void passRows(double[] src, double[] dstD, float[] dstF, AxisSampling s, int width, int others,
            int inStep, int inOther, int outStep, int outOther) {
        int nOut = s.nOut;
        int taps = s.taps;
        Parallel.forRange(nOut * others, (from, to) -> {
            double[] acc = new double[width];
            for (int row = from; row < to; row++) {
                int k = row % nOut;
                int o = row / nOut;
                int d = k * outStep + o * outOther;
                if (s.zero[k]) {
                    Arrays.fill(acc, 0.0);
                } else {
                    int t = k * taps;
                    int base = o * inOther;
                    double w = s.weight[t];
                    int r0 = base + s.index[t] * inStep;
                    for (int x = 0; x < width; x++) {
                        acc[x] = w * src[r0 + x];
                    }
                    for (int h = 1; h < taps; h++) {
                        double wh = s.weight[t + h];
                        int rh = base + s.index[t + h] * inStep;
                        for (int x = 0; x < width; x++) {
                            acc[x] += wh * src[rh + x];
                        }
                    }
                }
                if (dstF != null) {
                    for (int x = 0; x < width; x++) {
                        dstF[d + x] = (float) acc[x];
                    }
                } else {
                    System.arraycopy(acc, 0, dstD, d, width);
                }
            }
        });
    }
}
