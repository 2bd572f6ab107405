package org.mrisr.engine.nn;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Upsampling3d;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour upsampling by an integer factor per spatial axis: [N,C,D,H,W] → [N,C,rD,rH,rW],
 * out[.., z, y, x] = in[.., z/r, y/r, x/r]. Backward sums each r³ block.
 */
public final class NearestUpsample3d extends Layer {
    private final int factor;
    private INDArray input;

    public NearestUpsample3d(int factor) {
        this.factor = factor;
    }

    public int factor() {
        return factor;
    }

    /**
     * Adds the nearest-neighbour upsampling by {@code r} of {@code in} ([slices, h, w] in C order, e.g. batch
     * entries times depth) to {@code out} ([r·slices, r·h, r·w]): inference's input skip on the Java heap.
     */
    public static void addInto(float[] out, float[] in, int slices, int h, int w, int r) {
        int ho = h * r;
        int wo = w * r;
        Parallel.forRange(slices * r, (from, to) -> {
            for (int z = from; z < to; z++) {
                for (int y = 0; y < ho; y++) {
                    int o = (z * ho + y) * wo;
                    int s = ((z / r) * h + y / r) * w;
                    for (int x = 0; x < wo; x++) {
                        out[o + x] += in[s + x / r];
                    }
                }
            }
        });
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = training ? x : null; // inference releases activations: keep no reference
        return Nd4j.exec(new Upsampling3d(x, true, factor, factor, factor))[0];
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray gi = BufferPool.uninitialized(input.dataType(), input.shape());
        Nd4j.exec(DynamicCustomOp.builder("upsampling3d_bp")
                .addInputs(input, gradOut)
                .addOutputs(gi)
                .addIntegerArguments(1)
                .build());
        return gi;
    }
}
