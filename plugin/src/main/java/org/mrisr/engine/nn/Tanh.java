package org.mrisr.engine.nn;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** tanh elementwise; backward uses the cached output: dy/dx = 1 − y². */
public final class Tanh extends Layer {
    private INDArray output;

    /** tanh of every value, in place, on the compute pool (inference's network output on the Java heap). */
    public static void applyInPlace(float[] a) {
        Parallel.forChunks(a.length, Math.max(1, a.length >> 16), (from, to) -> {
            for (int i = from; i < to; i++) {
                a[i] = (float) Math.tanh(a[i]);
            }
        });
    }

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
