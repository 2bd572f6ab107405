package org.mrisr.engine.thick;

import java.util.Arrays;
import java.util.List;

import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.Rng;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2D convolution (cross-correlation), square kernel, stride 1, 'same' padding, channels last: input
 * [N, H, W, in] → output [N, H, W, out]. Weights [k, k, in, out] (TensorFlow layout), bias [out].
 * Runs libnd4j's {@code conv2d} / {@code conv2d_bp}, which the oneDNN natives accelerate; channels
 * last because ND4J's oneDNN path ran it 1.5–3 times faster than channels first here (about 35–45
 * against 10–28 GFLOP/s on 2 cores). The engine's nn package has only 3D layers; a 3D convolution
 * with depth-1 input would waste two thirds of its kernel.
 *
 * <p>Parameters carry their full name from construction (e.g. "conv3.w"): the nn package keeps
 * renaming by prefix to itself, so {@link #collect} ignores the prefix.
 */
final class Conv2d extends Layer {
    private final int in;
    private final int out;
    private final int k;
    private final Param w;
    private final Param b;
    private INDArray input;

    /** Weights N(0, std²) from {@code rng}, bias zero. */
    Conv2d(String name, int in, int out, int k, Rng rng, double std) {
        this(name, in, out, k, rng.gaussian(Math.multiplyExact(in * out, k * k), std));
    }

    /** Given weights in [k, k, in, out] C order. */
    Conv2d(String name, int in, int out, int k, float[] weights) {
        if (in < 1 || out < 1 || k < 1 || k % 2 == 0 || weights.length != in * out * k * k) {
            throw new IllegalArgumentException("bad conv2d " + in + "->" + out + " k" + k + " with " + weights.length + " weights");
        }
        this.in = in;
        this.out = out;
        this.k = k;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.w = Param.trainable(name + ".w", Nd4j.create(weights, new long[] {k, k, in, out}, 'c')
                    .castTo(Nd4j.defaultFloatingPointType()));
            this.b = Param.trainable(name + ".b", Nd4j.zeros(Nd4j.defaultFloatingPointType(), out));
        }
    }

    Param weight() {
        return w;
    }

    Param bias() {
        return b;
    }

    private int[] iargs() {
        // kH kW, sH sW, pH pW (ignored in SAME mode), dH dW, paddingMode 1 = SAME, dataFormat 1 = NHWC,
        // wFormat 0 = [kH, kW, iC, oC]
        return new int[] {k, k, 1, 1, 0, 0, 1, 1, 1, 1, 0};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 4 || x.size(3) != in) {
            throw new IllegalArgumentException("conv2d expects [N,H,W," + in + "], got " + Arrays.toString(x.shape()));
        }
        input = training ? x : null; // inference releases activations: keep no reference
        return Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w.value(), b.value())
                .addIntegerArguments(iargs()).build())[0];
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray gi = input.ulike();
        INDArray gw = w.value().ulike();
        INDArray gb = b.value().ulike();
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, w.value(), b.value(), gradOut)
                .addOutputs(gi, gw, gb).addIntegerArguments(iargs()).build());
        w.grad().addi(gw);
        b.grad().addi(gb);
        return gi;
    }

    @Override
    public void collect(String prefix, List<Param> outList) {
        outList.add(w);
        outList.add(b);
    }
}
