package org.mrisr.engine.metrics;

import java.util.Arrays;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Volume;

/**
 * 3D structural similarity computed the way scikit-image's {@code structural_similarity} does
 * (0.19, float64 inputs): windowed means μx, μy and second moments by a separable filter with
 * scipy's reflect border; σx² = c(E[x²] − μx²), σy², σxy likewise with c from
 * {@link SsimWindow#covarianceNorm()}; C1 = (K1·R)², C2 = (K2·R)², K1 = 0.01, K2 = 0.03;
 * S = (2μxμy + C1)(2σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)) per voxel.
 *
 * <p>How it is computed: the five windowed moments (x, y, x², y², xy) are separable float64
 * filters, applied z, then y, then x on rows; each SSIM row is consumed at
 * once, so memory is a few rows per thread whatever the volume size. Output slices are split
 * into contiguous parts run on the engine's {@link ComputePool}; sums are kept per slice and added
 * in slice order, so scores do not depend on the thread count.
 *
 * <p>Volumes are (nx, ny, nz) float32, x fastest, every side at least {@link SsimWindow#size()}
 * (skimage's own limit), finite voxels.
 */
public final class Ssim3d {
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;
    private static final int FIELDS = 5;

    private final SsimWindow window;
    private final int threads;

    /** Splits the work for the compute pool's thread count ({@link ComputePool#threads()}). */
    public Ssim3d(SsimWindow window) {
        this(window, ComputePool.threads());
    }

    /**
     * @param threads how many parts the slices are split into (each part allocates its own row
     *        buffers); at most {@link ComputePool#threads()} of them run at once
     */
    public Ssim3d(SsimWindow window, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.window = window;
        this.threads = threads;
    }

    public SsimWindow window() {
        return window;
    }

    /**
     * The score for a pair and a region: without a mask skimage's mean ({@link #mean}); with
     * {@link MaskMode#MULTIPLY} the mean of the mask-multiplied pair; with {@link MaskMode#SELECT}
     * the full map's mean over mask voxels ({@link #maskedMean}).
     */
    public double score(Volume reference, Volume test, ScoreRegion region, double dataRange) {
        boolean[] m = region.mask();
        if (m == null) {
            return mean(reference, test, dataRange);
        }
        if (region.mode() == MaskMode.MULTIPLY) {
            return mean(multiplied(reference, m), multiplied(test, m), dataRange);
        }
        return maskedMean(reference, test, m, dataRange);
    }

    /**
     * skimage's {@code structural_similarity(a, b, data_range=R)}: the SSIM map averaged over
     * window centres at least radius voxels from every face.
     */
    public double mean(Volume a, Volume b, double dataRange) {
        check(a, b, dataRange);
        int r = window.radius();
        int nx = a.nx();
        double[] perSlice = new double[a.nz()];
        run(a, b, dataRange, true, (y, z, s, x0, x1) -> {
            double sum = 0;
            for (int x = x0; x < x1; x++) {
                sum += s[x];
            }
            perSlice[z] += sum;
        });
        double total = 0;
        for (double v : perSlice) {
            total += v;
        }
        return total / ((double) (nx - 2 * r) * (a.ny() - 2 * r) * (a.nz() - 2 * r));
    }

    /**
     * The full SSIM map (no crop) averaged over voxels where {@code mask} is true:
     * {@code S[mask].mean()} of skimage's {@code full=True} map.
     *
     * @param mask one flag per voxel, at least one true
     */
    public double maskedMean(Volume a, Volume b, boolean[] mask, double dataRange) {
        check(a, b, dataRange);
        if (mask.length != a.size()) {
            throw new IllegalArgumentException("mask has " + mask.length + " voxels, volumes " + a.size());
        }
        int nx = a.nx();
        int plane = nx * a.ny();
        double[] perSlice = new double[a.nz()];
        long[] counts = new long[a.nz()];
        run(a, b, dataRange, false, (y, z, s, x0, x1) -> {
            int o = z * plane + y * nx;
            double sum = 0;
            long n = 0;
            for (int x = x0; x < x1; x++) {
                if (mask[o + x]) {
                    sum += s[x];
                    n++;
                }
            }
            perSlice[z] += sum;
            counts[z] += n;
        });
        double total = 0;
        long n = 0;
        for (int z = 0; z < perSlice.length; z++) {
            total += perSlice[z];
            n += counts[z];
        }
        if (n == 0) {
            throw new IllegalArgumentException("mask has no true voxel");
        }
        return total / n;
    }

    /** The full SSIM map (skimage's {@code full=True} S), same geometry as {@code a}, stored as float32. */
    public Volume map(Volume a, Volume b, double dataRange) {
        check(a, b, dataRange);
        int nx = a.nx();
        int plane = nx * a.ny();
        float[] out = new float[a.size()];
        run(a, b, dataRange, false, (y, z, s, x0, x1) -> {
            int o = z * plane + y * nx;
            for (int x = x0; x < x1; x++) {
                out[o + x] = (float) s[x];
            }
        });
        return a.withData(out);
    }

    /**
     * Fails with a user-facing message when a volume of this shape cannot hold one window.
     *
     * @param source names the volume in the error
     */
    public static void checkFits(SsimWindow window, int[] shape, String source) {
        String axes = "xyz";
        for (int i = 0; i < 3; i++) {
            if (shape[i] < window.size()) {
                throw new InvalidInputException(source, "volume " + shape[0] + "x" + shape[1] + "x" + shape[2]
                        + " is smaller than the " + window.size() + "-voxel SSIM window (" + window.label() + ") along "
                        + axes.charAt(i) + "; SSIM needs at least " + window.size() + " voxels per axis"
                        + (window == SsimWindow.GAUSS11 ? " (uniform7 needs 7)" : ""));
            }
        }
    }

    private void check(Volume a, Volume b, double dataRange) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException("shapes differ: " + a + " vs " + b);
        }
        if (!(dataRange > 0 && Double.isFinite(dataRange))) {
            throw new IllegalArgumentException("data range must be positive and finite, got " + dataRange);
        }
        checkFits(window, a.shape(), "volume");
    }

    private static Volume multiplied(Volume v, boolean[] mask) {
        float[] src = v.data();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = mask[i] ? src[i] : 0f;
        }
        return v.withData(out);
    }

    /** Receives one row of SSIM values s[x0..x1) at (y, z); each z is only ever seen by one thread. */
    private interface RowSink {
        void row(int y, int z, double[] s, int x0, int x1);
    }

    /** Computes SSIM rows (all, or only the cropped interior) and hands each to the sink. */
    private void run(Volume a, Volume b, double dataRange, boolean cropped, RowSink sink) {
        int r = window.radius();
        int nz = a.nz();
        int z0 = cropped ? r : 0;
        int z1 = cropped ? nz - r : nz;
        Parallel.forChunks(z1 - z0, threads, (from, to) -> new Worker(a, b, dataRange, cropped, sink).slices(z0 + from, z0 + to));
    }

    /** scipy's 'reflect' border (d c b a | a b c d), valid for −n ≤ i &lt; 2n. */
    static int reflect(int i, int n) {
        if (i < 0) {
            return -i - 1;
        }
        if (i >= n) {
            return 2 * n - 1 - i;
        }
        return i;
    }

    /**
     * One thread's state. Per output slice z, rows are filtered along z first (straight from the
     * float32 input, products formed on the fly), kept in a ring of {@code size} rows, summed along
     * y, then filtered along x and turned into SSIM: every intermediate is a few rows, so the work
     * stays in cache and nothing volume-sized is allocated.
     */
    private final class Worker {
        private final float[] a;
        private final float[] b;
        private final int nx;
        private final int ny;
        private final int nz;
        private final int r;
        private final int taps;
        private final double[] w;
        private final double c1;
        private final double c2;
        private final double cn;
        private final boolean cropped;
        private final RowSink sink;
        private final double[][][] zRows;
        private final int[] zRowY;
        private final double[][][] src;
        private final int[] zOff;
        private final double[][] yAcc;
        private final double[] pad;
        private final double[][] acc;
        private final double[] s;

        Worker(Volume va, Volume vb, double dataRange, boolean cropped, RowSink sink) {
            this.a = va.data();
            this.b = vb.data();
            this.nx = va.nx();
            this.ny = va.ny();
            this.nz = va.nz();
            this.r = window.radius();
            this.taps = window.size();
            this.w = window.weights();
            this.c1 = (K1 * dataRange) * (K1 * dataRange);
            this.c2 = (K2 * dataRange) * (K2 * dataRange);
            this.cn = window.covarianceNorm();
            this.cropped = cropped;
            this.sink = sink;
            this.zRows = new double[taps][FIELDS][nx];
            this.zRowY = new int[taps];
            this.src = new double[taps][][];
            this.zOff = new int[taps];
            this.yAcc = new double[FIELDS][nx];
            this.pad = new double[nx + 2 * r];
            this.acc = new double[FIELDS][nx];
            this.s = new double[nx];
        }

        void slices(int from, int to) {
            for (int z = from; z < to; z++) {
                slice(z);
            }
        }

        private void slice(int z) {
            int plane = nx * ny;
            for (int t = 0; t < taps; t++) {
                zOff[t] = reflect(z - r + t, nz) * plane;
            }
            Arrays.fill(zRowY, -1);
            int y0 = cropped ? r : 0;
            int y1 = cropped ? ny - r : ny;
            int x0 = cropped ? r : 0;
            int x1 = cropped ? nx - r : nx;
            for (int y = y0; y < y1; y++) {
                for (int t = 0; t < taps; t++) {
                    int yy = reflect(y - r + t, ny);
                    // the rows one output row needs are contiguous, so yy % taps never collide
                    int slot = yy % taps;
                    if (zRowY[slot] != yy) {
                        zFilterRow(yy, zRows[slot]);
                        zRowY[slot] = yy;
                    }
                    src[t] = zRows[slot];
                }
                for (int f = 0; f < FIELDS; f++) {
                    double[] out = yAcc[f];
                    double[] pc = src[r][f];
                    double wc = w[r];
                    for (int x = 0; x < nx; x++) {
                        out[x] = wc * pc[x];
                    }
                    for (int t = 0; t < r; t++) {
                        double[] p1 = src[t][f];
                        double[] p2 = src[taps - 1 - t][f];
                        double wt = w[t];
                        for (int x = 0; x < nx; x++) {
                            out[x] += wt * (p1[x] + p2[x]);
                        }
                    }
                    xFilter(out, acc[f], x0, x1);
                }
                ssimRow(x0, x1);
                sink.row(y, z, s, x0, x1);
            }
        }

        /**
         * dst[field][x] = Σ_t w[t]·field(voxel (x, yy, reflect(z − r + t))) for the current slice z.
         * The weights are symmetric, so taps t and size−1−t share one multiply.
         */
        private void zFilterRow(int yy, double[][] dst) {
            double[] d0 = dst[0];
            double[] d1 = dst[1];
            double[] d2 = dst[2];
            double[] d3 = dst[3];
            double[] d4 = dst[4];
            int row = yy * nx;
            int off = zOff[r] + row;
            double wc = w[r];
            for (int x = 0; x < nx; x++) {
                double va = a[off + x];
                double vb = b[off + x];
                d0[x] = wc * va;
                d1[x] = wc * vb;
                d2[x] = wc * (va * va);
                d3[x] = wc * (vb * vb);
                d4[x] = wc * (va * vb);
            }
            for (int t = 0; t < r; t++) {
                int o1 = zOff[t] + row;
                int o2 = zOff[taps - 1 - t] + row;
                double wt = w[t];
                for (int x = 0; x < nx; x++) {
                    double va = a[o1 + x];
                    double vb = b[o1 + x];
                    double va2 = a[o2 + x];
                    double vb2 = b[o2 + x];
                    d0[x] += wt * (va + va2);
                    d1[x] += wt * (vb + vb2);
                    d2[x] += wt * (va * va + va2 * va2);
                    d3[x] += wt * (vb * vb + vb2 * vb2);
                    d4[x] += wt * (va * vb + va2 * vb2);
                }
            }
        }

        /** out[x] = Σ_t w[t]·in[reflect(x − r + t)] for x in [x0, x1). */
        private void xFilter(double[] in, double[] out, int x0, int x1) {
            System.arraycopy(in, 0, pad, r, nx);
            for (int k = 0; k < r; k++) {
                pad[r - 1 - k] = in[k];
                pad[r + nx + k] = in[nx - 1 - k];
            }
            double wc = w[r];
            for (int x = x0; x < x1; x++) {
                out[x] = wc * pad[x + r];
            }
            for (int t = 0; t < r; t++) {
                double wt = w[t];
                int t2 = taps - 1 - t;
                for (int x = x0; x < x1; x++) {
                    out[x] += wt * (pad[x + t] + pad[x + t2]);
                }
            }
        }

        /** S from the five windowed moments, in skimage's operation order. */
        private void ssimRow(int x0, int x1) {
            double[] mx = acc[0];
            double[] my = acc[1];
            double[] mxx = acc[2];
            double[] myy = acc[3];
            double[] mxy = acc[4];
            for (int x = x0; x < x1; x++) {
                double ux = mx[x];
                double uy = my[x];
                double vx = cn * (mxx[x] - ux * ux);
                double vy = cn * (myy[x] - uy * uy);
                double vxy = cn * (mxy[x] - ux * uy);
                double a1 = 2 * ux * uy + c1;
                double a2 = 2 * vxy + c2;
                double b1 = ux * ux + uy * uy + c1;
                double b2 = vx + vy + c2;
                s[x] = (a1 * a2) / (b1 * b2);
            }
        }
    }
}
