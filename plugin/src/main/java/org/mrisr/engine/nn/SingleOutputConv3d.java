package org.mrisr.engine.nn;

import java.util.Arrays;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Inference-only end of a super-resolution network: pixel shuffle by r (r = 1: none) and a 3³ convolution
 * to one channel (stride 1, 'same' zero padding) of a phase-major channels-last float tensor
 * [N, D, H, W, r³·C] ({@link FusedConv3d.Builder#phaseMajor}), returned as a Java array [N, rD, rH, rW] in
 * C order (the voxel order of a {@code Volume}).
 *
 * <p>Why: oneDNN runs a one-channel convolution at 3–7 GFLOP/s here (it computes 16 channels and keeps
 * one); on the ×4 generator's last layer (64 channels at the HR size) that took longer than the whole
 * residual trunk. Here a 1×1×1 convolution to 27 channels (oneDNN's efficient case) computes every tap's
 * product for every voxel, and a gather sums, for each output voxel, tap t of the neighbour it belongs
 * to. The shuffle costs nothing: the 1×1×1 convolution does not care in which order voxels come, so it
 * reads the unshuffled tensor and the gather finds each neighbour's phase. Slabs of {@link #SLAB} input
 * slices bound the tap products to 27·r³ floats per voxel of SLAB + 2 slices. Summation order differs
 * from a convolution's: float32 rounding only. Inputs of fewer than 27 channels are shuffled and
 * convolved directly: the tap products would outweigh the input there (measured: 0.36 against 0.28 s
 * for the ×2 generator's 8 channels at 96³, 0.82 against 2.2 s for the ×4 one's 64, 2 loaded cores).
 */
public final class SingleOutputConv3d {
    /** Input slices per slab. */
    private static final int SLAB = 8;
    private static final int TAPS = 27;
    private final int in;
    private final int r;
    /**
     * 0, or 1 for {@link ResizeConv3d#forwardPhases}' layout: HR position P (per axis) is input voxel
     * P / r + shift·(P % r), phase P % r, and the input has one voxel more per axis than the LR size.
     */
    private final int shift;
    private final INDArray taps;
    private final INDArray zeroBias;
    private final float bias;
    /** The plain convolution for narrow inputs (see {@link #forward}). */
    private final FusedConv3d direct;

    /** Copies {@code conv}'s current weights (1 output channel, kernel 3, stride 1); {@code r} the shuffle before it. */
    public SingleOutputConv3d(Conv3d conv, int r) {
        this(conv, r, 0);
    }

    /**
     * Copies {@code conv}'s current weights (as above), to run on {@link ResizeConv3d#forwardPhases}' output
     * [N, D + 1, H + 1, W + 1, 8·C] unshuffled: the result is that of the conv on {@link ResizeConv3d#forward}'s.
     */
    public static SingleOutputConv3d afterResizeConv(Conv3d conv) {
        return new SingleOutputConv3d(conv, 2, 1);
    }

    private SingleOutputConv3d(Conv3d conv, int r, int shift) {
        if (conv.outChannels() != 1 || conv.kernel() != 3 || conv.stride() != 1 || r < 1) {
            throw new IllegalArgumentException("single-output conv needs 1 output channel, kernel 3, stride 1");
        }
        this.in = conv.inChannels();
        this.r = r;
        this.shift = shift;
        // [1, C, 3, 3, 3] in C order is [C, 27] with tap t = kd·9 + kh·3 + kw; the 1x1x1 weights are [27, C, 1, 1, 1]
        INDArray w = conv.weight().value().dup('c').reshape('c', in, TAPS);
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.taps = w.transpose().dup('c').reshape('c', TAPS, in, 1, 1, 1);
            this.zeroBias = Nd4j.zeros(DataType.FLOAT, TAPS);
        }
        this.bias = conv.bias() == null ? 0 : conv.bias().value().getFloat(0);
        this.direct = FusedConv3d.of(conv).build();
    }

    public float[] forward(INDArray src) {
        int r3 = r * r * r;
        if (src.rank() != 5 || src.size(4) != (long) in * r3 || src.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("single-output conv3d expects float [N,D,H,W," + in * r3 + "], got "
                    + src.dataType() + " " + Arrays.toString(src.shape()));
        }
        if (in < TAPS) {
            // the tap products would be more floats than the input (the x2 generator's 8 channels): shuffle
            // and convolve directly, which measured faster there
            INDArray x = shift == 1 ? ResizeConv3d.interleave(src, in) : r > 1 ? ChannelsLast.shuffle(src, r) : src;
            INDArray y = direct.forward(x);
            if (x != src) {
                Layer.release(x);
            }
            float[] out = y.data().asFloat();
            Layer.release(y);
            return out;
        }
        INDArray x = ChannelsLast.contiguous(src);
        int n = (int) x.size(0);
        // input sizes; the LR sizes (outputs / r) are one less per axis with a shift
        int dIn = (int) x.size(1);
        int hIn = (int) x.size(2);
        int wIn = (int) x.size(3);
        int d = dIn - shift;
        long slice = (long) hIn * wIn * r3 * in;
        // one voxel per phase and input voxel, C channels each: the layout a 1x1x1 convolution reads
        INDArray flat = x.reshape('c', (long) n * dIn, hIn, (long) wIn * r3, in);
        float[] out = new float[Math.toIntExact((long) n * d * (hIn - shift) * (wIn - shift) * r3)];
        float[] t = new float[Math.toIntExact(Math.min(dIn, SLAB + 2) * slice / in * TAPS)];
        int[] iargs = {1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        for (int b = 0; b < n; b++) {
            for (int z0 = 0; z0 < d; z0 += SLAB) {
                int z1 = Math.min(d, z0 + SLAB);
                // the input slices of HR rows r·z0 − 1 .. r·z1, clamped to the volume
                int lo = voxel(Math.max(0, r * z0 - 1));
                int hi = voxel(Math.min(r * d - 1, r * z1)) + 1;
                INDArray part = flat.get(NDArrayIndex.interval((long) b * dIn + lo, (long) b * dIn + hi))
                        .reshape('c', 1, hi - lo, hIn, (long) wIn * r3, in);
                INDArray y = Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(part, taps, zeroBias)
                        .addIntegerArguments(iargs).build())[0];
                int count = (int) y.length();
                ChannelsLast.floats(y).get(t, 0, count);
                y.close();
                gather(t, out, b, z0, z1, lo, d, hIn, wIn);
            }
        }
        return out;
    }

    /** The input voxel of HR position {@code p} along one axis. */
    private int voxel(int p) {
        return p / r + shift * (p % r);
    }

    /**
     * out[b, q] = bias + Σ over the taps whose neighbour q + (kd−1, kh−1, kw−1) lies inside of that
     * neighbour's product for tap kd·9 + kh·3 + kw; a neighbour at HR position P is input voxel
     * {@link #voxel}(P), phase P%r.
     */
    private void gather(float[] t, float[] out, int b, int z0, int z1, int lo, int d, int h, int w) {
        // h, w: input sizes; d and the outputs' sizes: LR times r
        int r3 = r * r * r;
        int ho = (h - shift) * r;
        int wo = (w - shift) * r;
        int dd = d * r;
        // x part of a neighbour's row in the slab, per HR x
        int[] xRow = new int[wo];
        for (int x = 0; x < wo; x++) {
            xRow[x] = voxel(x) * r3 + x % r;
        }
        Parallel.forRange((z1 - z0) * r * ho, (from, to) -> {
            for (int zy = from; zy < to; zy++) {
                int zo = z0 * r + zy / ho;
                int yo = zy % ho;
                int o = ((b * dd + zo) * ho + yo) * wo;
                Arrays.fill(out, o, o + wo, bias);
                for (int kd = 0; kd < 3; kd++) {
                    int pz = zo + kd - 1;
                    if (pz < 0 || pz >= dd) {
                        continue;
                    }
                    for (int kh = 0; kh < 3; kh++) {
                        int py = yo + kh - 1;
                        if (py < 0 || py >= ho) {
                            continue;
                        }
                        int base = (((voxel(pz) - lo) * h + voxel(py)) * w * r3 + (pz % r) * r * r + (py % r) * r) * TAPS;
                        int tap = kd * 9 + kh * 3;
                        for (int x = 0; x < wo; x++) {
                            float acc = 0;
                            if (x > 0) {
                                acc += t[base + xRow[x - 1] * TAPS + tap];
                            }
                            acc += t[base + xRow[x] * TAPS + tap + 1];
                            if (x + 1 < wo) {
                                acc += t[base + xRow[x + 1] * TAPS + tap + 2];
                            }
                            out[o + x] += acc;
                        }
                    }
                }
            }
        });
    }
}
