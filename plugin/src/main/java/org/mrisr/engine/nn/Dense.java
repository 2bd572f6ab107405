package org.mrisr.engine.nn;

import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fully connected layer: [N, in] → [N, out], y = x·W + b with W [in, out], b [out]. */
public final class Dense extends Layer {
    private final int in;
    private final int out;
    private final Param w;
    private final Param b;
    private INDArray input;

    public Dense(int in, int out, Rng rng, double std) {
        this.in = in;
        this.out = out;
        this.w = Param.trainable("w", Arrays5.detached(rng.gaussian(Math.multiplyExact(in, out), std), in, out));
        this.b = Param.trainable("b", Arrays5.detachedZeros(out));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 2 || x.size(1) != in) {
            throw new IllegalArgumentException("dense expects [N," + in + "], got " + Arrays.toString(x.shape()));
        }
        input = training ? x : null; // inference releases activations: keep no reference
        return x.mmul(w.value()).addiRowVector(b.value());
    }

    @Override
    public INDArray backward(INDArray g) {
        // accumulated by the product itself: no [in, out] temporary (67 MB for the paper's discriminator)
        Nd4j.gemm(input, g, w.grad(), true, false, 1.0, 1.0);
        b.grad().addi(g.sum(0));
        return g.mmul(w.value().transpose());
    }

    @Override
    public INDArray backwardInput(INDArray g) {
        return g.mmul(w.value().transpose());
    }

    @Override
    public void collect(String prefix, List<Param> outList) {
        outList.add(w.prefixed(prefix));
        outList.add(b.prefixed(prefix));
    }

    public int outFeatures() {
        return out;
    }
}
