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
        INDArray y = b.add(x);
        if (!training) {
            releaseUnlessShared(b, x);
        }
        return y;
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
