package org.mrisr.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code conv} (3³, stride 1, 'same') with one input or one output channel, for training: the same function
 * as {@link Conv3d} on float NCDHW tensors, with the conv's own parameters (this layer has none of its own).
 *
 * <p>Why: oneDNN runs such convolutions at a few GFLOP/s (a generator's last layer, 64 → 1 channel at the HR
 * size, took 0.6 s of a GAN step; a discriminator's first, 1 → 32, 0.5 s). Here the 27 taps become the inner
 * dimension of matrix products, and shifting by a tap's offset is a copy. With x_t the input shifted by tap
 * t's offset (zero outside) and W the weights as a [channels, 27] matrix:
 * <ul>
 * <li>one output: forward T = Wᵀ·x ([27, V]), y = b + Σ_t T_t shifted back; backward G_t = dy shifted by
 * −t, dx = W·G, dW += x·Gᵀ;</li>
 * <li>one input: forward X = (x_t) ([27, V]), y = W·X + b; backward dW += dy·Xᵀ, H = Wᵀ·dy, dx = Σ_t H_t
 * shifted back (X is rebuilt rather than kept).</li>
 * </ul>
 * Results differ from {@link Conv3d} by float32 rounding (sums in another order). With one input channel the
 * output may be channels last ([N, D, H, W, C], for {@link ChannelsLastConv3d} after it): then y = Xᵀ·Wᵀ.
 */
public final class ThinConv3d extends Layer {
    private static final int TAPS = 27;
    private final Conv3d conv;
    private final int channels;
    private final boolean channelsLastOutput;
    private INDArray input;
    // other data types (gradient checks run in double) take the convolution itself
    private boolean plain;

    /** {@code conv}: kernel 3, stride 1, one input or one output channel. */
    public ThinConv3d(Conv3d conv) {
        this(conv, false);
    }

    /** {@code channelsLastOutput}: a 1-input, several-output conv's output (and gradient) as [N, D, H, W, C]. */
    public ThinConv3d(Conv3d conv, boolean channelsLastOutput) {
        if (!fits(conv)) {
            throw new IllegalArgumentException("thin conv needs kernel 3, stride 1 and one input or output channel");
        }
        if (channelsLastOutput && (conv.inChannels() != 1 || conv.outChannels() == 1)) {
            throw new IllegalArgumentException("a channels-last output needs one input channel and several outputs");
        }
        this.conv = conv;
        this.channelsLastOutput = channelsLastOutput;
        this.channels = conv.inChannels() == 1 ? conv.outChannels() : conv.inChannels();
    }

    /** Whether {@code conv} is one this layer computes. */
    public static boolean fits(Conv3d conv) {
        return conv.kernel() == 3 && conv.stride() == 1 && (conv.inChannels() == 1 || conv.outChannels() == 1);
    }

    private boolean oneOutput() {
        return conv.outChannels() == 1;
    }

    /** The weights as [channels, 27] (the layouts [1, C, 3, 3, 3] and [C, 1, 3, 3, 3] are both that). */
    private INDArray weights() {
        return conv.weight().value().reshape('c', channels, TAPS);
    }

    @Override
    public INDArray forward(INDArray xIn, boolean training) {
        plain = xIn.dataType() != DataType.FLOAT;
        if (plain && channelsLastOutput) {
            throw new IllegalArgumentException("channels-last thin conv3d takes float input, got " + xIn.dataType());
        }
        if (plain) {
            return conv.forward(xIn, training);
        }
        if (xIn.rank() != 5 || xIn.size(1) != conv.inChannels()) {
            throw new IllegalArgumentException("conv3d expects float [N," + conv.inChannels() + ",D,H,W], got "
                    + xIn.dataType() + " " + Arrays.toString(xIn.shape()));
        }
        INDArray x = ChannelsLast.contiguous(xIn);
        int n = (int) x.size(0);
        int[] s = {(int) x.size(2), (int) x.size(3), (int) x.size(4)};
        int v = s[0] * s[1] * s[2];
        input = training ? x : null;
        long[] yShape = channelsLastOutput ? new long[] {n, s[0], s[1], s[2], channels}
                : new long[] {n, conv.outChannels(), s[0], s[1], s[2]};
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, yShape, 'c');
        // channels last: a row of ones after the taps carries the bias through the product ([C, 28] weights)
        INDArray taps = BufferPool.uninitialized(DataType.FLOAT, channelsLastOutput ? TAPS + 1 : TAPS, v);
        INDArray w = weights();
        float[] bias = conv.bias() == null ? new float[conv.outChannels()] : conv.bias().value().data().asFloat();
        INDArray wb = null;
        if (channelsLastOutput) {
            set(taps, TAPS * v, v, 1f);
            wb = Nd4j.hstack(w, Nd4j.create(bias, new long[] {channels, 1}, 'c'));
        }
        for (int b = 0; b < n; b++) {
            if (oneOutput()) {
                Nd4j.gemm(w, rows(x, b, channels, v), taps, true, false, 1, 0);
                set(y, b * v, v, bias[0]);
                shiftAll(taps, y, b * v, s, 1, true);
            } else if (channelsLastOutput) {
                shiftAll(x, taps, b * v, s, 1, false);
                Nd4j.gemm(taps, wb, rows(y, b, v, channels), true, true, 1, 0);
            } else {
                shiftAll(x, taps, b * v, s, 1, false);
                INDArray yb = rows(y, b, channels, v);
                Nd4j.gemm(w, taps, yb, false, false, 1, 0);
                for (int c = 0; c < channels; c++) {
                    add(y, (b * channels + c) * v, v, bias[c]);
                }
            }
        }
        release(taps);
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return backward(gradOut, true, true);
    }

    /** The input gradient without the weight products (the one-output form needs those taps anyway). */
    @Override
    public INDArray backwardInput(INDArray gradOut) {
        return backward(gradOut, true, false);
    }

    /** Parameter gradients only: with one input channel the input gradient is skipped (about half the work). */
    @Override
    public INDArray backwardParameters(INDArray gradOut) {
        return backward(gradOut, false, true);
    }

    private INDArray backward(INDArray gradOut, boolean inputGradient, boolean parameterGradients) {
        if (plain) {
            return conv.backward(gradOut);
        }
        INDArray g = ChannelsLast.contiguous(gradOut);
        int n = (int) input.size(0);
        int[] s = {(int) input.size(2), (int) input.size(3), (int) input.size(4)};
        int v = s[0] * s[1] * s[2];
        INDArray gx = inputGradient || oneOutput() ? BufferPool.uninitialized(DataType.FLOAT, input.shape()) : null;
        INDArray taps = BufferPool.uninitialized(DataType.FLOAT, channelsLastOutput ? TAPS + 1 : TAPS, v);
        INDArray gw = Nd4j.zeros(DataType.FLOAT, channels, TAPS);
        // channels last: [dWᵀ; dbᵀ] = [X; 1]·dy, no transposed operands (oneDNN's matmul ran a third slower with
        // both) and the bias gradient from the row of ones (as forward)
        INDArray gwT = channelsLastOutput ? Nd4j.zeros(DataType.FLOAT, TAPS + 1, channels) : null;
        if (channelsLastOutput) {
            set(taps, TAPS * v, v, 1f);
        }
        INDArray w = weights();
        double[] gb = new double[conv.outChannels()];
        for (int b = 0; b < n; b++) {
            if (oneOutput()) {
                // G_t[u] = dy[u − t]: the taps of dy as the layer saw x
                shiftAll(g, taps, b * v, s, -1, false);
                Nd4j.gemm(w, taps, rows(gx, b, channels, v), false, false, 1, 0);
                Nd4j.gemm(rows(input, b, channels, v), taps, gw, false, true, 1, 1);
                gb[0] += sum(g, b * v, v);
            } else if (channelsLastOutput) {
                INDArray gv = rows(g, b, v, channels);
                if (parameterGradients) {
                    shiftAll(input, taps, b * v, s, 1, false);
                    Nd4j.gemm(taps, gv, gwT, false, false, 1, 1);
                }
                if (gx != null) {
                    // into the 27 tap rows; the ones row stays for the next batch entry
                    Nd4j.gemm(w, gv, taps.get(NDArrayIndex.interval(0, TAPS), NDArrayIndex.all()), true, true, 1, 0);
                    set(gx, b * v, v, 0);
                    shiftAll(taps, gx, b * v, s, -1, true);
                }
            } else {
                INDArray gb2 = rows(g, b, channels, v);
                if (parameterGradients) {
                    shiftAll(input, taps, b * v, s, 1, false);
                    Nd4j.gemm(gb2, taps, gw, false, true, 1, 1);
                    for (int c = 0; c < channels; c++) {
                        gb[c] += sum(g, (b * channels + c) * v, v);
                    }
                }
                if (gx != null) {
                    Nd4j.gemm(w, gb2, taps, true, false, 1, 0);
                    set(gx, b * v, v, 0);
                    shiftAll(taps, gx, b * v, s, -1, true);
                }
            }
        }
        release(taps);
        if (gwT != null) {
            gw.assign(gwT.get(NDArrayIndex.interval(0, TAPS), NDArrayIndex.all()).transpose());
            float[] db = gwT.getRow(TAPS).toFloatVector();
            for (int c = 0; c < channels; c++) {
                gb[c] = db[c];
            }
            release(gwT);
        }
        conv.weight().grad().addi(gw.reshape(conv.weight().grad().shape()));
        release(gw);
        if (conv.bias() != null) {
            conv.bias().grad().addi(Nd4j.createFromArray(gb).castTo(DataType.FLOAT));
        }
        return gx;
    }

    /** Batch entry b of a c-order [N, ...] tensor of r·c values each as an [r, c] matrix view. */
    private static INDArray rows(INDArray a, int b, int r, int c) {
        return a.reshape('c', a.size(0), r, c).slice(b);
    }

    /**
     * Between one volume (at {@code volOff} of a [.., D, H, W] tensor) and the 27 rows of {@code taps}
     * ([27, V]), tap t = (kd, kh, kw) with offset o_t = direction · (kd − 1, kh − 1, kw − 1):
     * {@code add} false copies volume → rows, taps[t][u] = vol[u + o_t] (zero outside); {@code add} true sums
     * rows → volume, vol[u] += Σ_t taps[t][u + o_t] (taps in order, so the result does not depend on threads).
     */
    private static void shiftAll(INDArray from, INDArray to, int volOff, int[] s, int direction, boolean add) {
        FloatBuffer fb = ChannelsLast.floats(from);
        FloatBuffer tb = ChannelsLast.floats(to);
        int v = s[0] * s[1] * s[2];
        if (add) {
            // sum over taps per output slice: parallel over z, taps in order (result independent of the cut)
            Parallel.forRange(s[0], (z0, z1) -> {
                FloatBuffer f = fb.duplicate();
                FloatBuffer t = tb.duplicate();
                for (int tap = 0; tap < TAPS; tap++) {
                    shift(f, tap * v, t, volOff, s, offsets(tap, direction), z0, z1, true);
                }
            });
        } else {
            Parallel.forRange(TAPS, (t0, t1) -> {
                FloatBuffer f = fb.duplicate();
                FloatBuffer t = tb.duplicate();
                for (int tap = t0; tap < t1; tap++) {
                    shift(f, volOff, t, tap * v, s, offsets(tap, direction), 0, s[0], false);
                }
            });
        }
    }

    private static int[] offsets(int tap, int direction) {
        return new int[] {direction * (tap / 9 - 1), direction * ((tap / 3) % 3 - 1), direction * (tap % 3 - 1)};
    }

    /**
     * dst[z, y, x] (+)= src[z + o0, y + o1, x + o2] for output slices z0 ≤ z < z1; without add, voxels whose
     * source is outside become 0; with add they are left.
     */
    private static void shift(FloatBuffer src, int srcOff, FloatBuffer dst, int dstOff, int[] s, int[] o, int z0, int z1,
            boolean add) {
        int d = s[0];
        int h = s[1];
        int w = s[2];
        int xLo = Math.max(0, -o[2]);
        int xHi = Math.min(w, w - o[2]);
        for (int z = z0; z < z1; z++) {
            int zs = z + o[0];
            for (int y = 0; y < h; y++) {
                int ys = y + o[1];
                int out = dstOff + (z * h + y) * w;
                if (zs < 0 || zs >= d || ys < 0 || ys >= h || xLo >= xHi) {
                    if (!add) {
                        for (int x = 0; x < w; x++) {
                            dst.put(out + x, 0f);
                        }
                    }
                    continue;
                }
                int in = srcOff + (zs * h + ys) * w + o[2];
                if (add) {
                    for (int x = xLo; x < xHi; x++) {
                        dst.put(out + x, dst.get(out + x) + src.get(in + x));
                    }
                } else {
                    for (int x = 0; x < xLo; x++) {
                        dst.put(out + x, 0f);
                    }
                    for (int x = xLo; x < xHi; x++) {
                        dst.put(out + x, src.get(in + x));
                    }
                    for (int x = xHi; x < w; x++) {
                        dst.put(out + x, 0f);
                    }
                }
            }
        }
    }

    private static void set(INDArray a, int from, int len, float value) {
        FloatBuffer f = ChannelsLast.floats(a);
        Parallel.forRange(len, (i0, i1) -> {
            FloatBuffer l = f.duplicate();
            for (int i = from + i0; i < from + i1; i++) {
                l.put(i, value);
            }
        });
    }

    private static void add(INDArray a, int from, int len, float value) {
        FloatBuffer f = ChannelsLast.floats(a);
        Parallel.forRange(len, (i0, i1) -> {
            FloatBuffer l = f.duplicate();
            for (int i = from + i0; i < from + i1; i++) {
                l.put(i, l.get(i) + value);
            }
        });
    }

    private static double sum(INDArray a, int from, int len) {
        FloatBuffer f = ChannelsLast.floats(a);
        double t = 0;
        for (int i = from; i < from + len; i++) {
            t += f.get(i);
        }
        return t;
    }
}
