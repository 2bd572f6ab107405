package org.mrisr.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code bn} on float channels-last tensors [N, D, H, W, C], for training next to {@link ChannelsLastConv3d}:
 * the same function, parameters and running-statistics update as {@link BatchNorm3d} on the NCDHW tensor
 * (statistics in double, two-pass variance), equal to float32 rounding.
 *
 * <p>With a slope it is BatchNorm then {@link LeakyRelu} in one pass (the same floats bit for bit as the two
 * layers): forward writes max(p, slope·p) of the normalised p, and backward multiplies the gradient by 1 or slope
 * from p's sign, recomputed from the input, so neither the activation's pass nor its stored sign is needed.
 *
 * <p>Each voxel holds its C channels side by side, so the per-channel sums run over rows of C floats. The rows
 * are cut into a fixed number of blocks whose partial sums are added in block order: the result does not
 * depend on the number of threads.
 */
public final class ChannelsLastBatchNorm extends Layer {
    private static final int BLOCKS = 64;
    /** Rows copied to a float[] at a time. */
    private static final int TILE = 256;
    private final BatchNorm3d bn;
    private final int channels;
    // fused LeakyReLU slope, or NaN for none
    private final float slope;
    private INDArray input;
    private float[] scale;
    private float[] shift;
    private double[] mean;
    private double[] invStd;
    private boolean trainedForward;

    public ChannelsLastBatchNorm(BatchNorm3d bn) {
        this(bn, Float.NaN);
    }

    private ChannelsLastBatchNorm(BatchNorm3d bn, float slope) {
        this.bn = bn;
        this.channels = bn.channels();
        this.slope = slope;
    }

    /** {@code bn} followed by a LeakyReLU of {@code slope} in [0, 1]. */
    public static ChannelsLastBatchNorm withLeakyRelu(BatchNorm3d bn, double slope) {
        if (!(slope >= 0 && slope <= 1)) {
            throw new IllegalArgumentException("fused LeakyReLU needs a slope in [0, 1], got " + slope);
        }
        return new ChannelsLastBatchNorm(bn, (float) slope);
    }

    /** Whether a LeakyReLU of {@code slope} can be fused ({@link #withLeakyRelu}). */
    public static boolean fuses(double slope) {
        return slope >= 0 && slope <= 1;
    }

    @Override
    public INDArray forward(INDArray xIn, boolean training) {
        if (xIn.rank() != 5 || xIn.size(4) != channels || xIn.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("channels-last batchnorm expects float [N,D,H,W," + channels + "], got "
                    + xIn.dataType() + " " + Arrays.toString(xIn.shape()));
        }
        INDArray x = ChannelsLast.contiguous(xIn);
        int rows = Math.toIntExact(x.length() / channels);
        if (training && rows < 2) {
            throw new InvalidInputException("training batch",
                    "batch normalisation sees one value per channel (batch " + x.size(0) + ", feature map " + x.size(1)
                            + "x" + x.size(2) + "x" + x.size(3) + "); use a batch of at least 2 or larger patches");
        }
        trainedForward = training;
        FloatBuffer in = ChannelsLast.floats(x);
        double[] mu = new double[channels];
        double[] var = new double[channels];
        if (training) {
            double[] sums = sum(in, null, rows, channels, (t, g, n, acc) -> {
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < channels; c++) {
                        acc[c] += t[r * channels + c];
                    }
                }
            });
            float[] muF = new float[channels];
            for (int c = 0; c < channels; c++) {
                mu[c] = sums[c] / rows;
                muF[c] = (float) mu[c];
            }
            // centred on the float mean: exact differences for the two-pass variance, mean's rounding added back
            double[] sq = sum(in, null, rows, channels, (t, g, n, acc) -> {
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < channels; c++) {
                        double d = t[r * channels + c] - muF[c];
                        acc[c] += d * d;
                    }
                }
            });
            for (int c = 0; c < channels; c++) {
                double off = muF[c] - mu[c];
                var[c] = sq[c] / rows - off * off;
            }
        } else {
            float[][] running = bn.runningStatistics();
            for (int c = 0; c < channels; c++) {
                mu[c] = running[0][c];
                var[c] = running[1][c];
            }
        }
        double[] inv = new double[channels];
        float[] sc = new float[channels];
        float[] sh = new float[channels];
        float[] gam = bn.gammaValues();
        float[] bet = bn.betaValues();
        for (int c = 0; c < channels; c++) {
            inv[c] = 1.0 / Math.sqrt(var[c] + bn.eps());
            sc[c] = (float) (gam[c] * inv[c]);
            sh[c] = (float) (bet[c] - mu[c] * gam[c] * inv[c]);
        }
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.shape(), 'c');
        float s = slope;
        boolean fused = !Float.isNaN(s);
        map(in, null, ChannelsLast.floats(y), rows, (t, g, n) -> {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < channels; c++) {
                    float p = t[r * channels + c] * sc[c] + sh[c];
                    // LeakyRelu's max form
                    t[r * channels + c] = fused ? Math.max(p, p * s) : p;
                }
            }
        });
        if (training) {
            bn.updateRunning(mu, var, rows);
        }
        input = x; // as BatchNorm3d: a backward after an evaluation forward is valid while the caller keeps x
        mean = mu;
        invStd = inv;
        scale = sc;
        shift = sh;
        return y;
    }

    @Override
    public INDArray backward(INDArray gIn) {
        INDArray g = ChannelsLast.contiguous(gIn);
        int rows = Math.toIntExact(input.length() / channels);
        FloatBuffer xb = ChannelsLast.floats(input);
        FloatBuffer gb = ChannelsLast.floats(g);
        float[] muF = new float[channels];
        float[] isF = new float[channels];
        for (int c = 0; c < channels; c++) {
            muF[c] = (float) mean[c];
            isF[c] = (float) invStd[c];
        }
        float[] sc = scale;
        float[] sh = shift;
        float[] factor = {1f, slope};
        boolean fused = !Float.isNaN(slope);
        // {Σ g, Σ g·x̂} per channel, as one 2C accumulator (g through the fused activation first)
        double[] sums = sum(xb, gb, rows, 2 * channels, (t, gt, n, acc) -> {
            if (fused) {
                activationGradient(t, gt, n, sc, sh, factor);
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < channels; c++) {
                    float gv = gt[r * channels + c];
                    acc[c] += gv;
                    acc[channels + c] += gv * ((t[r * channels + c] - muF[c]) * isF[c]);
                }
            }
        });
        double[] sumG = Arrays.copyOfRange(sums, 0, channels);
        double[] sumGX = Arrays.copyOfRange(sums, channels, 2 * channels);
        float[] gam = bn.gammaValues();
        // dx = k·(g − a − x̂·b) per channel, k = γ/σ, a = mean(g), b = mean(g·x̂) (a = b = 0 after an evaluation forward)
        float[] k = new float[channels];
        float[] a = new float[channels];
        float[] kb = new float[channels];
        for (int c = 0; c < channels; c++) {
            double kc = gam[c] * invStd[c];
            k[c] = (float) kc;
            a[c] = (float) (trainedForward ? sumG[c] / rows : 0);
            kb[c] = (float) (trainedForward ? kc * sumGX[c] / rows * invStd[c] : 0);
        }
        INDArray gx = BufferPool.uninitialized(DataType.FLOAT, input.shape());
        map(xb, gb, ChannelsLast.floats(gx), rows, (t, gt, n) -> {
            if (fused) {
                activationGradient(t, gt, n, sc, sh, factor);
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < channels; c++) {
                    int i = r * channels + c;
                    t[i] = k[c] * (gt[i] - a[c]) - kb[c] * (t[i] - muF[c]);
                }
            }
        });
        bn.addGradients(sumGX, sumG);
        return gx;
    }

    /**
     * g ← g·1 where the normalised input p = x·scale + shift (the forward's floats) is &gt; 0, g·slope elsewhere:
     * LeakyRelu's backward, sign bits and all.
     */
    private void activationGradient(float[] x, float[] g, int n, float[] sc, float[] sh, float[] factor) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < channels; c++) {
                int i = r * channels + c;
                int u = Float.floatToRawIntBits(x[i] * sc[c] + sh[c]);
                g[i] *= factor[((u | (u - 1)) >>> 31) & 1];
            }
        }
    }

    /** Work on a tile of {@code n} rows copied into {@code t} (and the second input's rows into {@code g}). */
    private interface TileSum {
        void add(float[] t, float[] g, int n, double[] acc);
    }

    private interface TileMap {
        void apply(float[] t, float[] g, int n);
    }

    /**
     * Σ over the rows of {@code a} (and {@code b}, null if unused), cut into a fixed number of blocks whose totals
     * are added in order: the result does not depend on the number of threads.
     */
    private double[] sum(FloatBuffer a, FloatBuffer b, int rows, int width, TileSum body) {
        int blocks = Math.min(BLOCKS, rows);
        double[][] part = new double[blocks][width];
        Parallel.forRange(blocks, (b0, b1) -> {
            float[] t = new float[TILE * channels];
            float[] g = b == null ? null : new float[TILE * channels];
            for (int blk = b0; blk < b1; blk++) {
                int end = (int) ((long) rows * (blk + 1) / blocks);
                for (int r = (int) ((long) rows * blk / blocks); r < end; r += TILE) {
                    int n = Math.min(TILE, end - r);
                    a.get(r * channels, t, 0, n * channels);
                    if (b != null) {
                        b.get(r * channels, g, 0, n * channels);
                    }
                    body.add(t, g, n, part[blk]);
                }
            }
        });
        double[] total = new double[width];
        for (double[] p : part) {
            for (int c = 0; c < width; c++) {
                total[c] += p[c];
            }
        }
        return total;
    }

    /** Writes body(rows of a, rows of b) to {@code out}, tile by tile (the body overwrites t). */
    private void map(FloatBuffer a, FloatBuffer b, FloatBuffer out, int rows, TileMap body) {
        int tiles = (rows + TILE - 1) / TILE;
        Parallel.forRange(tiles, (t0, t1) -> {
            float[] t = new float[TILE * channels];
            float[] g = b == null ? null : new float[TILE * channels];
            for (int tile = t0; tile < t1; tile++) {
                int r = tile * TILE;
                int n = Math.min(TILE, rows - r);
                a.get(r * channels, t, 0, n * channels);
                if (b != null) {
                    b.get(r * channels, g, 0, n * channels);
                }
                body.apply(t, g, n);
                out.put(r * channels, t, 0, n * channels);
            }
        });
    }
}
