package org.mrisr.engine.nn;

import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 3D convolution (cross-correlation, as in TensorFlow and PyTorch), cubic kernel, 'same' padding in
 * TensorFlow's sense: output size ceil(n / stride), extra padding at the end.
 *
 * <p>Input [N, in, D, H, W] → output [N, out, ceil(D/s), ceil(H/s), ceil(W/s)]. Weights
 * [out, in, k, k, k] (PyTorch layout), bias [out]. Runs libnd4j's {@code conv3dnew} /
 * {@code conv3dnew_bp}, which the oneDNN natives accelerate.
 */
public final class Conv3d extends Layer {
    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final Param w;
    private final Param b;
    private INDArray input;

    /** Weights N(0, std²) from {@code rng}, bias zero. */
    public Conv3d(int in, int out, int k, int stride, Rng rng, double std) {
        this(in, out, k, stride, rng.gaussian(Math.multiplyExact(Math.multiplyExact(in, out), k * k * k), std), true);
    }

    /** Given weights in [out, in, k, k, k] C order, with a bias. */
    public Conv3d(int in, int out, int k, int stride, float[] weights) {
        this(in, out, k, stride, weights, true);
    }

    /** Given weights in [out, in, k, k, k] C order; {@code withBias} false omits the bias. */
    public Conv3d(int in, int out, int k, int stride, float[] weights, boolean withBias) {
        if (in < 1 || out < 1 || k < 1 || stride < 1) {
            throw new IllegalArgumentException("bad conv3d " + in + "->" + out + " k" + k + " s" + stride);
        }
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.w = Param.trainable("w", Arrays5.detached(weights, out, in, k, k, k));
        this.b = withBias ? Param.trainable("b", Arrays5.detachedZeros(out)) : null;
    }

    public Param weight() {
        return w;
    }

    /** The bias, or null when built without one. */
    public Param bias() {
        return b;
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    public int kernel() {
        return k;
    }

    public int stride() {
        return stride;
    }

    private int[] iargs(boolean channelsLast) {
        // kD kH kW, sD sH sW, pD pH pW (ignored in SAME mode), dD dH dW, paddingMode 1 = SAME,
        // dataFormat 0 = NCDHW / 1 = NDHWC, wFormat 1 = [oC, iC, kD, kH, kW] in both
        return new int[] {k, k, k, stride, stride, stride, 0, 0, 0, 1, 1, 1, 1, channelsLast ? 1 : 0, 1};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return forwardInto(x, null, training);
    }

    /**
     * {@link #forward} writing into {@code out} ([N, out, ceil(D/s), ceil(H/s), ceil(W/s)], c order, x's type),
     * or into a new array when {@code out} is null; returns the output.
     */
    public INDArray forwardInto(INDArray x, INDArray out, boolean training) {
        if (x.rank() != 5 || x.size(1) != in) {
            throw new IllegalArgumentException("conv3d expects [N," + in + ",D,H,W], got " + Arrays.toString(x.shape()));
        }
        input = training ? x : null; // inference releases activations: keep no reference
        return run(x, out, false);
    }

    /** The convolution of {@code x} (NCDHW, or NDHWC when {@code channelsLast}) into {@code out} or a new array. */
    INDArray run(INDArray x, INDArray out, boolean channelsLast) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = b == null
                ? DynamicCustomOp.builder("conv3dnew").addInputs(x, w.value())
                : DynamicCustomOp.builder("conv3dnew").addInputs(x, w.value(), b.value());
        if (out != null) {
            op.addOutputs(out);
        }
        return Nd4j.exec(op.addIntegerArguments(iargs(channelsLast)).build())[0];
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return gradients(input, gradOut, false);
    }

    /**
     * Adds the parameter gradients of the convolution that saw {@code input} (layout as {@link #run}) and returns
     * dLoss/dInput.
     */
    INDArray gradients(INDArray input, INDArray gradOut, boolean channelsLast) {
        INDArray gi = BufferPool.uninitialized(input.dataType(), input.shape());
        INDArray gw = w.value().ulike();
        if (b == null) {
            Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp")
                    .addInputs(input, w.value(), gradOut)
                    .addOutputs(gi, gw)
                    .addIntegerArguments(iargs(channelsLast))
                    .build());
        } else {
            INDArray gb = b.value().ulike();
            Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp")
                    .addInputs(input, w.value(), b.value(), gradOut)
                    .addOutputs(gi, gw, gb)
                    .addIntegerArguments(iargs(channelsLast))
                    .build());
            b.grad().addi(gb);
            release(gb);
        }
        w.grad().addi(gw);
        release(gw);
        return gi;
    }

    /**
     * dLoss/dInput alone of this stride-1 convolution ({@code inputShape}, layout as {@link #run}): the forward
     * convolution of gradOut with each kernel flipped and the channel axes swapped ('same' padding of an odd
     * kernel is symmetric). No parameter gradient.
     */
    INDArray inputGradient(INDArray gradOut, long[] inputShape, boolean channelsLast) {
        if (stride != 1 || k % 2 == 0) {
            throw new IllegalStateException("the flipped-kernel input gradient needs stride 1 and an odd kernel");
        }
        float[] src = w.value().data().asFloat(); // detached, c order (constructor)
        float[] dst = new float[src.length];
        int k3 = k * k * k;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                int from = (o * in + i) * k3;
                int to = (i * out + o) * k3;
                for (int t = 0; t < k3; t++) {
                    dst[to + t] = src[from + k3 - 1 - t];
                }
            }
        }
        INDArray flipped = Nd4j.create(dst, new long[] {in, out, k, k, k}, w.value().dataType());
        INDArray gi = BufferPool.uninitialized(gradOut.dataType(), inputShape);
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(gradOut, flipped).addOutputs(gi)
                .addIntegerArguments(iargs(channelsLast)).build());
        flipped.close();
        return gi;
    }

    @Override
    public void collect(String prefix, List<Param> outList) {
        outList.add(w.prefixed(prefix));
        if (b != null) {
            outList.add(b.prefixed(prefix));
        }
    }
}
