package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mrisr.testutil.InferenceChecks.assertClose;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ResizeConvTraining} (the upsampled convolution trained as phase convolutions at the LR size) against
 * nearest ×2 upsampling then the 3³ convolution, on random weights: output, input gradient and the
 * convolution's weight and bias gradients agree within {@link org.mrisr.testutil.InferenceChecks#TOL} of
 * their scale, at sizes that put every phase on a border.
 */
class ResizeConvTrainingTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    private static void check(int in, int out, long seed, long n, long d, long h, long w) {
        Conv3d plainConv = new Conv3d(in, out, 3, 1, new Rng(seed), 0.3);
        randomise(plainConv, seed + 1);
        Conv3d phaseConv = new Conv3d(in, out, 3, 1, plainConv.weight().value().dup().data().asFloat());
        phaseConv.bias().value().assign(plainConv.bias().value());
        Sequential plain = new Sequential(new NearestUpsample3d(2), plainConv);
        ResizeConvTraining phases = new ResizeConvTraining(phaseConv);
        INDArray x = random(seed + 2, n, in, d, h, w);
        INDArray g = random(seed + 3, n, out, 2 * d, 2 * h, 2 * w);

        INDArray yPlain = plain.forward(x, true);
        INDArray yPhases = phases.forward(x, true);
        assertArrayEquals(yPlain.shape(), yPhases.shape());
        assertClose(yPlain, yPhases);
        assertClose(plain.backward(g.dup()), phases.backward(g.dup()));
        assertClose(plainConv.weight().grad(), phaseConv.weight().grad());
        assertClose(plainConv.bias().grad(), phaseConv.bias().grad());
    }

    @Test
    void matchesUpsampleThenConvolveForwardAndBackward() {
        check(3, 4, 1, 1, 5, 6, 7);
        check(5, 2, 2, 2, 4, 3, 2);
        check(16, 16, 3, 2, 8, 8, 8);
    }

    @Test
    void oneVoxelAndThinSlabsHaveOnlyBorders() {
        check(2, 3, 4, 1, 1, 1, 1);
        check(4, 4, 5, 1, 1, 6, 2);
    }
}
