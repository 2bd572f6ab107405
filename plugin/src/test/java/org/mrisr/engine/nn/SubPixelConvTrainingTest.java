package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link SubPixelConvTraining} computes what the convolution then the pixel shuffle compute, to the bit
 * (same operations; only where the pre-shuffle tensor lives differs), with and without a pool.
 */
class SubPixelConvTrainingTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    @Test
    void equalsConvolutionThenShuffleForwardAndBackward() {
        for (boolean pooled : new boolean[] {false, true}) {
            Conv3d plainConv = new Conv3d(3, 16, 3, 1, new Rng(1), 0.3);
            randomise(plainConv, 2);
            Conv3d fusedConv = new Conv3d(3, 16, 3, 1, plainConv.weight().value().dup().data().asFloat());
            fusedConv.bias().value().assign(plainConv.bias().value());
            Sequential plain = new Sequential(plainConv, new PixelShuffle3d(2));
            SubPixelConvTraining fused = new SubPixelConvTraining(fusedConv, 2);
            // large enough for the pool to hold the pre-shuffle tensor (BufferPool pools from 1 MiB)
            INDArray x = random(3, 2, 3, 24, 23, 25);
            INDArray g = random(4, 2, 2, 48, 46, 50);
            try (BufferPool pool = new BufferPool(); BufferPool.Scope s = pooled ? pool.activate() : () -> { }) {
                assertArrayEquals(plain.forward(x, true).data().asFloat(), fused.forward(x, true).data().asFloat(), 0f);
                assertArrayEquals(plain.backward(g).data().asFloat(), fused.backward(g).data().asFloat(), 0f);
            }
            assertArrayEquals(plainConv.weight().grad().data().asFloat(), fusedConv.weight().grad().data().asFloat(), 0f);
            assertArrayEquals(plainConv.bias().grad().data().asFloat(), fusedConv.bias().grad().data().asFloat(), 0f);
        }
    }
}
