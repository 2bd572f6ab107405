package org.mrisr.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference-only resize-convolution: nearest-neighbour upsampling by 2, a 3³ convolution (stride 1, 'same'
 * zero padding) and an optional LeakyReLU, on channels-last float tensors [N, D, H, W, in] →
 * [N, 2D, 2H, 2W, out], computed at the LR size.
 *
 * <p>Why: along one axis, HR output 2z + p of the plain path reads upsampled voxels 2z + p − 1 .. 2z + p + 1,
 * which are LR voxels z − 1, z, z (p = 0) or z, z, z + 1 (p = 1); the taps landing on the same LR voxel are
 * summed, giving a 2-tap kernel {k0, k1 + k2} at LR offsets −1, 0 (p = 0) and {k0 + k1, k2} at 0, +1
 * (p = 1). The plain path's zero padding (HR voxels −1 and 2D) is LR voxels −1 and D, so padding the LR
 * input by one zero voxel reproduces the borders exactly. All 8 phases (a, b, e) are one 2³ convolution to
 * 8·out channels, phase-major (channel p·out + o, p = 4a + 2b + e), 'valid' on the input padded by 1
 * (D + 1 outputs per axis): phase (a, b, e) of LR voxel (z, y, x) is its output at (z + a, y + b, x + e).
 * That is 8·8 multiply-adds per LR voxel and channel pair instead of 8·27 (times (D + 1)³ / D³). The summed
 * weights are computed in double; results differ from the plain path by float32 rounding only. The
 * weights are copied when built, so later training does not reach them (build again).
 */
public final class ResizeConv3d {
    private static final int PHASES = 8;
    private final int in;
    private final int out;
    private final INDArray w;
    private final INDArray b;
    private final double slope;

    /**
     * From {@code conv}'s current weights (kernel 3, stride 1, the convolution after a nearest ×2
     * upsampling) and the LeakyReLU slope after it ({@code NaN}: none).
     */
    public ResizeConv3d(Conv3d conv, double slope) {
        if (conv.kernel() != 3 || conv.stride() != 1) {
            throw new IllegalArgumentException("resize-conv needs kernel 3, stride 1");
        }
        this.in = conv.inChannels();
        this.out = conv.outChannels();
        this.slope = slope;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray[] wb = phaseWeights(conv);
            this.w = wb[0];
            this.b = wb[1];
        }
    }

    /**
     * {@code conv}'s current weights as the phase convolution's: {weights [8·out, in, 2, 2, 2], bias [8·out]},
     * phase-major (channel p·out + o), summed in double (in the caller's workspace, if any).
     */
    static INDArray[] phaseWeights(Conv3d conv) {
        int in = conv.inChannels();
        int out = conv.outChannels();
        double[] k = FusedConv3d.toDouble(conv.weight().value());
        double[] bias = conv.bias() == null ? new double[out] : FusedConv3d.toDouble(conv.bias().value());
        float[] pw = new float[PHASES * out * in * PHASES];
        float[] pb = new float[PHASES * out];
        for (int p = 0; p < PHASES; p++) {
            for (int o = 0; o < out; o++) {
                pb[p * out + o] = (float) bias[o];
                for (int i = 0; i < in; i++) {
                    phaseKernel(k, ((o * in) + i) * 27, p, pw, (((p * out + o) * in) + i) * PHASES);
                }
            }
        }
        return new INDArray[] {Nd4j.create(pw, new long[] {PHASES * out, in, 2, 2, 2}, 'c'),
            Nd4j.create(pb, new long[] {PHASES * out}, 'c')};
    }

    /**
     * The 2³ kernel of phase p = 4a + 2b + e from the 3³ kernel at {@code k[from]}: tap k of an axis with
     * phase q lands on LR offset floor((q + k − 1) / 2), which is 2-tap index offset + 1 − q.
     */
    private static void phaseKernel(double[] k, int from, int p, float[] dst, int to) {
        int[] q = {p >> 2, (p >> 1) & 1, p & 1};
        double[] sum = new double[PHASES];
        for (int kd = 0; kd < 3; kd++) {
            for (int kh = 0; kh < 3; kh++) {
                for (int kw = 0; kw < 3; kw++) {
                    int t = (tap(q[0], kd) * 2 + tap(q[1], kh)) * 2 + tap(q[2], kw);
                    sum[t] += k[from + (kd * 3 + kh) * 3 + kw];
                }
            }
        }
        for (int t = 0; t < PHASES; t++) {
            dst[to + t] = (float) sum[t];
        }
    }

    /**
     * The transpose of {@link #phaseKernel}: adds the gradient of phase p's 2³ kernel at {@code g[from]} to
     * each 3³ tap summed into it, at {@code dst[to]}.
     */
    static void phaseKernelGradient(float[] g, int from, int p, double[] dst, int to) {
        int[] q = {p >> 2, (p >> 1) & 1, p & 1};
        for (int kd = 0; kd < 3; kd++) {
            for (int kh = 0; kh < 3; kh++) {
                for (int kw = 0; kw < 3; kw++) {
                    int t = (tap(q[0], kd) * 2 + tap(q[1], kh)) * 2 + tap(q[2], kw);
                    dst[to + (kd * 3 + kh) * 3 + kw] += g[from + t];
                }
            }
        }
    }

    private static int tap(int phase, int k) {
        return Math.floorDiv(phase + k - 1, 2) + 1 - phase;
    }

    /** upsample ×2, conv, + bias, LeakyReLU; {@code x} [N, D, H, W, in] float, left unchanged. */
    public INDArray forward(INDArray x) {
        INDArray phases = forwardPhases(x);
        INDArray y = interleave(phases, out);
        Layer.release(phases);
        return y;
    }

    /**
     * The same values not yet interleaved: [N, D + 1, H + 1, W + 1, 8·out], phase (a, b, e) of LR voxel
     * (z, y, x) at (z + a, y + b, x + e), channel (4a + 2b + e)·out + o; the voxels no phase reads hold
     * values of no use. For a consumer that finds each HR voxel itself ({@link SingleOutputConv3d#afterResizeConv}).
     */
    public INDArray forwardPhases(INDArray x) {
        if (x.rank() != 5 || x.size(4) != in || x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("resize-conv expects float [N,D,H,W," + in + "], got " + x.dataType() + " "
                    + Arrays.toString(x.shape()));
        }
        // kD kH kW, sD sH sW, pD pH pW, dD dH dW, paddingMode 0 = VALID with the given padding,
        // dataFormat 1 = NDHWC, wFormat 1 = [oC, iC, kD, kH, kW]
        int[] iargs = {2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1};
        INDArray phases = Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(x, w, b).addIntegerArguments(iargs)
                .build())[0];
        if (!Double.isNaN(slope)) {
            LeakyRelu.applyInPlace(phases, slope);
        }
        return phases;
    }

    /**
     * [N, D + 1, H + 1, W + 1, 8·C] phase-major → [N, 2D, 2H, 2W, C]:
     * out[n, 2z + a, 2y + b, 2x + e, c] = in[n, z + a, y + b, x + e, (4a + 2b + e)·C + c], one run of C
     * floats per output voxel.
     */
    static INDArray interleave(INDArray src, int c) {
        INDArray x = ChannelsLast.contiguous(src);
        int n = (int) x.size(0);
        int d = (int) x.size(1) - 1;
        int h = (int) x.size(2) - 1;
        int w = (int) x.size(3) - 1;
        INDArray res = Nd4j.createUninitialized(DataType.FLOAT, new long[] {n, 2L * d, 2L * h, 2L * w, c}, 'c');
        FloatBuffer ib = ChannelsLast.floats(x);
        FloatBuffer ob = ChannelsLast.floats(res);
        int ho = 2 * h;
        int wo = 2 * w;
        int run = PHASES * c;
        Parallel.forRange(n * 2 * d, (from, to) -> {
            FloatBuffer il = ib.duplicate();
            FloatBuffer ol = ob.duplicate();
            for (int nz = from; nz < to; nz++) {
                int a = nz % 2;
                // input slice z + a of batch entry nz / 2d, z = (nz % 2d) / 2
                long inSlice = ((long) (nz / (2 * d)) * (d + 1) + (nz % (2 * d)) / 2 + a) * (h + 1);
                for (int yo = 0; yo < ho; yo++) {
                    int bq = yo % 2;
                    long inRow = (inSlice + yo / 2 + bq) * (w + 1);
                    ol.position((int) (((long) nz * ho + yo) * wo * c));
                    for (int xo = 0; xo < wo; xo++) {
                        int e = xo % 2;
                        int at = (int) ((inRow + xo / 2 + e) * run + (long) ((a * 2 + bq) * 2 + e) * c);
                        il.limit(at + c).position(at);
                        ol.put(il);
                    }
                }
            }
        });
        return res;
    }
}
