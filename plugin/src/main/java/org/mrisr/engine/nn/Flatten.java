package org.mrisr.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** [N, ...] → [N, prod(...)] in C order; backward restores the shape. */
public final class Flatten extends Layer {
    private long[] shape;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        shape = x.shape();
        return x.dup('c').reshape('c', shape[0], x.length() / shape[0]);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return gradOut.dup('c').reshape('c', shape);
    }
}
