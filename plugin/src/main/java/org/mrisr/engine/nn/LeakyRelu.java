package org.mrisr.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** max(x, slope·x) elementwise (slope in [0, 1)). */
public final class LeakyRelu extends Layer {
    private final double slope;
    private INDArray input;

    public LeakyRelu(double slope) {
        this.slope = slope;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        return Transforms.leakyRelu(x, slope, true);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray gi = input.ulike();
        Nd4j.exec(new LeakyReLUBp(input, gradOut, gi, slope));
        return gi;
    }
}
