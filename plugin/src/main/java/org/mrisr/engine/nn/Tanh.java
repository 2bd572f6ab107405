package org.mrisr.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** tanh elementwise; backward uses the cached output: dy/dx = 1 − y². */
public final class Tanh extends Layer {
    private INDArray output;

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = Transforms.tanh(x, true);
        output = training ? y : null;
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return output.mul(output).rsubi(1).muli(gradOut);
    }
}
