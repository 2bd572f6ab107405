package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.srgan.Synthetic;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

/**
 * The in-place LeakyReLUs and residual sums (memory) against the plain ones, trained side by side
 * from one seed: the arithmetic is the same, so weights, BN statistics and losses must agree to the
 * bit (tolerance 0).
 */
class InPlaceActivationsTest {
    private static final DiscriminatorConfig D = new DiscriminatorConfig(32, 32, 32, new int[] {4, 4, 8, 8}, 16, 0.3, 0.02);

    @ParameterizedTest
    @EnumSource(UpsamplingMethod.class)
    void trainingStepsMatchThePlainPathBitForBit(UpsamplingMethod method) throws Exception {
        GeneratorConfig g = new GeneratorConfig(2, method, 8, 1, 16, 0.25, true, 0.02, true);
        // one pre-training step, then two GAN steps (discriminator and adversarial passes)
        TrainingConfig tc = TrainingConfig.defaults().withSteps(3).withLearningRates(1e-3, 1e-3)
                .withLabels(LabelSmoothing.NOISY, true).withLossWeights(0.1, 1, 1).withPretrainSteps(1);
        Trainer plain = new Trainer(g, D, tc, false);
        Trainer inPlace = new Trainer(g, D, tc, true);
        double[] lossPlain = losses(plain.train(Synthetic.source(32, 2, 3), null, null).last());
        double[] lossInPlace = losses(inPlace.train(Synthetic.source(32, 2, 3), null, null).last());
        assertArrayEquals(lossPlain, lossInPlace, 0);
        List<Param> a = plain.generator().params();
        List<Param> b = inPlace.generator().params();
        a.addAll(plain.discriminator().params());
        b.addAll(inPlace.discriminator().params());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().data().asFloat(), b.get(i).value().data().asFloat(), 0, a.get(i).name());
        }
        // the steps trained: the first weights are no longer the seed's
        float[] untrained = new Trainer(g, D, tc, false).generator().params().get(0).value().data().asFloat();
        assertFalse(Arrays.equals(untrained, a.get(0).value().data().asFloat()), "training changed no weight");
    }

    private static double[] losses(StepReport r) {
        return new double[] {r.dLoss(), r.adversarial(), r.mse(), r.gdl(), r.gLoss()};
    }
}
