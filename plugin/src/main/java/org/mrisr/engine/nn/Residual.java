package org.mrisr.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** y = body(x) + x (shapes must match); the gradient flows through both paths. */
public final class Residual extends Layer {
    private final Layer body;
    private final boolean inPlace;

    public Residual(Layer body) {
        this(body, false);
    }

    private Residual(Layer body, boolean inPlace) {
        this.body = body;
        this.inPlace = inPlace;
    }

    /**
     * A Residual that in training too writes the sum over the body's output, saving one activation: only
     * for a body whose last layer keeps no reference to its output for backward (Conv3d, BatchNorm3d;
     * not Tanh).
     */
    public static Residual inPlace(Layer body) {
        return new Residual(body, true);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray b = body.forward(x, training);
        if ((!training || inPlace) && !sharesMemory(b, x)) {
            return b.addi(x); // inference owns b: add in place rather than allocate another activation
        }
        return b.add(x);
    }

    /** A Residual like this one (in place or not) around another body: a training form of this one's. */
    Residual around(Layer otherBody) {
        return new Residual(otherBody, inPlace);
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
