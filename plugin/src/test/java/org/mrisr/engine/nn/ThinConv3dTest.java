package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mrisr.testutil.InferenceChecks.assertClose;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ThinConv3d} (taps as matrix products) against {@link Conv3d} with the same random weights and bias:
 * output, input gradient, weight and bias gradients within {@link org.mrisr.testutil.InferenceChecks#TOL} of
 * their scale, for one input and one output channel, batches of 1 and 2, unequal and 1-voxel axes.
 */
class ThinConv3dTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    private static void check(int in, int out, long seed, long n, long d, long h, long w) {
        Conv3d plain = new Conv3d(in, out, 3, 1, new Rng(seed), 0.3);
        randomise(plain, seed + 1);
        Conv3d same = new Conv3d(in, out, 3, 1, plain.weight().value().dup().data().asFloat());
        same.bias().value().assign(plain.bias().value());
        ThinConv3d thin = new ThinConv3d(same);
        INDArray x = random(seed + 2, n, in, d, h, w);
        INDArray g = random(seed + 3, n, out, d, h, w);
        for (int pass = 0; pass < 2; pass++) {
            // twice: gradients accumulate into the parameters as Conv3d's do
            assertClose(plain.forward(x, true), thin.forward(x, true));
            assertClose(plain.backward(g), thin.backward(g));
            assertClose(plain.weight().grad(), same.weight().grad());
            assertClose(plain.bias().grad(), same.bias().grad());
        }
    }

    @Test
    void oneOutputChannelMatchesTheConvolution() {
        check(8, 1, 1, 2, 6, 5, 7);
        check(3, 1, 2, 1, 1, 4, 3);
        check(64, 1, 3, 2, 9, 8, 8);
    }

    @Test
    void parameterGradientsAloneAreTheSameAndSkipTheInputGradient() {
        Conv3d a = new Conv3d(1, 4, 3, 1, new Rng(7), 0.3);
        Conv3d b = new Conv3d(1, 4, 3, 1, a.weight().value().dup().data().asFloat());
        ThinConv3d full = new ThinConv3d(a);
        ThinConv3d params = new ThinConv3d(b);
        INDArray x = random(8, 2, 1, 5, 6, 4);
        INDArray g = random(9, 2, 4, 5, 6, 4);
        full.forward(x, true);
        params.forward(x, true);
        full.backward(g);
        assertNull(params.backwardParameters(g));
        assertArrayEquals(a.weight().grad().data().asFloat(), b.weight().grad().data().asFloat(), 0);
        assertArrayEquals(a.bias().grad().data().asFloat(), b.bias().grad().data().asFloat(), 0);
    }

    @Test
    void oneInputChannelMatchesTheConvolution() {
        check(1, 32, 4, 2, 6, 5, 7);
        check(1, 3, 5, 1, 2, 1, 3);
        check(1, 1, 6, 2, 5, 5, 5);
    }
}
