package org.mrisr.engine.nn;

import static org.mrisr.testutil.InferenceChecks.assertClose;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inference-only channels-last pieces against the plain NCDHW layers they replace, on random weights
 * and non-trivial BatchNorm statistics, within {@link InferenceChecks#TOL}.
 */
class ChannelsLastInferenceTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    /** NCDHW → NDHWC copy. */
    static INDArray last(INDArray ncdhw) {
        return ncdhw.permute(0, 2, 3, 4, 1).dup('c');
    }

    /** NDHWC → NCDHW copy. */
    static INDArray first(INDArray ndhwc) {
        return ndhwc.permute(0, 4, 1, 2, 3).dup('c');
    }

    @Test
    void batchNormFoldedIntoTheConvolutionMatchesConvBatchNormLeakyRelu() {
        for (int stride : new int[] {1, 2}) {
            Conv3d conv = new Conv3d(5, 6, 3, stride, new Rng(3), 0.3);
            BatchNorm3d bn = new BatchNorm3d(6);
            LeakyRelu act = new LeakyRelu(0.25);
            Sequential plain = new Sequential(conv, bn, act);
            randomise(plain, 11);
            INDArray x = random(1, 2, 5, 7, 6, 5);
            INDArray want = plain.forward(x, false);
            INDArray got = FusedConv3d.of(conv).batchNorm(bn).leakyRelu(0.25).build().forward(last(x));
            assertClose(want, first(got));
        }
    }

    @Test
    void foldingUsesTheRunningStatisticsNotTheBatch() {
        Conv3d conv = new Conv3d(3, 4, 3, 1, new Rng(5), 0.3);
        BatchNorm3d bn = new BatchNorm3d(4);
        Sequential plain = new Sequential(conv, bn);
        randomise(plain, 12);
        INDArray x = random(2, 1, 3, 6, 6, 6);
        plain.forward(x, true); // a training step moves the running statistics
        INDArray want = plain.forward(x, false);
        assertClose(want, first(FusedConv3d.of(conv).batchNorm(bn).build().forward(last(x))));
    }

    @Test
    void phaseMajorConvolutionThenShuffleMatchesShuffleThenBias() {
        int c = 3;
        Conv3d conv = new Conv3d(4, 8 * c, 3, 1, new float[8 * c * 4 * 27], false);
        ChannelBias bias = new ChannelBias(c);
        conv.weight().value().assign(random(7, 8 * c, 4, 3, 3, 3));
        Sequential plain = new Sequential(conv, new PixelShuffle3d(2), bias, new LeakyRelu(0.2));
        randomise(plain, 13);
        INDArray x = random(3, 2, 4, 5, 4, 3);
        INDArray want = plain.forward(x, false);
        FusedConv3d fused = FusedConv3d.of(conv).shuffledBias(bias.bias().value(), 2).phaseMajor(2).leakyRelu(0.2).build();
        assertClose(want, first(ChannelsLast.shuffle(fused.forward(last(x)), 2)));
    }

    @Test
    void singleOutputConvolutionMatchesShuffleThenConv() {
        // 8 channels take the direct path, 30 the tap products; depth 11 is not a multiple of the slab
        for (int channels : new int[] {8, 30}) {
            for (int r : new int[] {1, 2}) {
                int r3 = r * r * r;
                Conv3d conv = new Conv3d(channels, 1, 3, 1, new Rng(channels + r), 0.2);
                randomise(conv, 14);
                // NCDHW with channel c·r³ + p, the order PixelShuffle3d reads
                INDArray x = random(5 + r, 2, channels * r3, 11, 5, 4);
                INDArray want = conv.forward(r == 1 ? x : PixelShuffle3d.shuffle(x, r), false);
                // the same values phase-major channels last: channel p·C + c
                INDArray phaseMajor = x.reshape('c', 2, channels, r3, 11, 5, 4).permute(0, 3, 4, 5, 2, 1).dup('c')
                        .reshape('c', 2, 11, 5, 4, (long) r3 * channels);
                assertClose(want.dup('c').data().asFloat(), new SingleOutputConv3d(conv, r).forward(phaseMajor));
            }
        }
    }
}
