package org.mrisr.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** y = body(x) + x (shapes must match); the gradient flows through both paths. */
public final class Residual extends Layer {
    private final Layer body;

    public Residual(Layer body) {
        this.body = body;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray b = body.forward(x, training);
        if (!training && !sharesMemory(b, x)) {
            return b.addi(x); // inference owns b: add in place rather than allocate another activation
        }
        return b.add(x);
    }

    /** The residual branch. */
    public Layer body() {
        return body;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return body.backward(gradOut).addi(gradOut);
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        body.collect(prefix, out);
    }
}
