package org.mrisr.engine.srgan.net;

import static org.mrisr.testutil.InferenceChecks.assertClose;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The generator's fast inference pass ({@link GeneratorInference}) against its plain evaluation-mode
 * forward pass, for every upsampling method at ×2 and ×4, with random weights and BatchNorm statistics,
 * within {@link org.mrisr.testutil.InferenceChecks#TOL}; a batch of windows against each window alone.
 */
class GeneratorInferenceTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    /**
     * Without tanh by default: random weights make activations of 10^2..10^5, whose float32 rounding
     * (about 1e-6 relative, the same in both passes' convolutions) tanh would amplify where it is steep.
     */
    private static Generator generator(int factor, UpsamplingMethod m, boolean skip, boolean tanh) {
        // 32 up-filters: the sub-pixel-NN and resize-conv ends have 32 >= 27 channels and take the tap-product
        // path, sub-pixel 4 (direct path)
        Generator g = new Generator(new GeneratorConfig(factor, m, 8, 2, 32, 0.25, tanh, 0.1, skip), 5);
        randomise(g, 17);
        return g;
    }

    private static float[] plain(Generator g, INDArray x) {
        return g.forward(x, false).dup('c').data().asFloat();
    }

    @Test
    void everyMethodAndFactorMatchesThePlainForwardPass() {
        for (int factor : new int[] {2, 4}) {
            for (UpsamplingMethod m : UpsamplingMethod.values()) {
                Generator g = generator(factor, m, factor == 2, false);
                INDArray x = random(factor, 1, 1, 7, 6, 5);
                assertClose(plain(g, x), g.inference().forward(x));
            }
        }
    }

    @Test
    void resizeConvAtOddSizesAndThinWindowsAsThePlainPass() {
        // its phase convolutions see a border on every side of these windows; x4 runs two x2 blocks
        for (int factor : new int[] {2, 4}) {
            Generator g = generator(factor, UpsamplingMethod.RESIZE_CONV, true, false);
            GeneratorInference net = g.inference();
            for (long[] size : new long[][] {{3, 4, 5}, {1, 6, 2}, {1, 1, 1}}) {
                INDArray x = random(size[0] + size[1], 1, 1, size[0], size[1], size[2]);
                assertClose(plain(g, x), net.forward(x));
            }
        }
    }

    @Test
    void tanhAndTheInputSkipAsThePlainPass() {
        Generator g = new Generator(new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL, 8, 1, 16, 0.25, true, 0.02, true), 3);
        INDArray x = random(6, 1, 1, 6, 6, 6);
        assertClose(plain(g, x), g.inference().forward(x));
    }

    @Test
    void aBatchOfWindowsMatchesEachWindowAlone() {
        Generator g = generator(2, UpsamplingMethod.SUBPIXEL_NN, true, false);
        GeneratorInference net = g.inference();
        INDArray batch = random(9, 3, 1, 6, 5, 4);
        float[] all = net.forward(batch);
        int per = all.length / 3;
        for (int i = 0; i < 3; i++) {
            INDArray one = batch.get(NDArrayIndex.interval(i, i + 1)).dup('c');
            assertClose(net.forward(one), Arrays.copyOfRange(all, i * per, (i + 1) * per));
        }
    }

    @Test
    void aCopyOfTheWeightsAtBuildTime() {
        Generator g = generator(2, UpsamplingMethod.SUBPIXEL, false, false);
        GeneratorInference before = g.inference();
        INDArray x = random(4, 1, 1, 5, 5, 5);
        float[] first = before.forward(x);
        randomise(g, 99); // new biases and statistics: training moved on
        assertClose(first, before.forward(x));
        assertClose(plain(g, x), g.inference().forward(x));
    }
}
