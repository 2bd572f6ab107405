package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.nn.GradCheck;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.srgan.net.Discriminator;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {

    @Test
    void gdlValueMatchesDefinition() {
        // 1D ramp along x: |∇hr| = 1, |∇sr| = 3 ⇒ (1 − 3)² = 4 on x; y and z have size 1
        INDArray hr = Nd4j.createFromArray(0f, 1f, 2f, 3f).reshape(1, 1, 1, 1, 4);
        INDArray sr = Nd4j.createFromArray(0f, -3f, -6f, -9f).reshape(1, 1, 1, 1, 4);
        assertEquals(4.0, Losses.gdl(sr, hr).value(), 1e-6);
        assertEquals(0.0, Losses.gdl(hr, hr).value(), 0.0);
    }

    @Test
    void lossGradientsMatchFiniteDifferences() {
        GradCheck.inDouble(() -> {
            Rng rng = new Rng(1);
            INDArray hr = GradCheck.random(rng, 2, 1, 3, 4, 3);
            INDArray sr = GradCheck.random(rng, 2, 1, 3, 4, 3);
            Losses.ValueAndGrad g = Losses.gdl(sr, hr);
            GradCheck.scalar("gdl", sr, g.grad(), v -> Losses.gdl(sr, hr).value(), 60, 1e-5);
            Losses.ValueAndGrad m = Losses.mse(sr, hr);
            GradCheck.scalar("mse", sr, m.grad(), v -> Losses.mse(sr, hr).value(), 30, 1e-5);
            INDArray logits = GradCheck.random(rng, 3, 1);
            INDArray t = Nd4j.createFromArray(0.9, 0.0, 1.1).reshape(3, 1);
            for (boolean onLogits : new boolean[] {false, true}) {
                Losses.ValueAndGrad l = Losses.leastSquares(logits, t, onLogits);
                GradCheck.scalar("ls", logits, l.grad(), v -> Losses.leastSquares(logits, t, onLogits).value(), 3, 1e-6);
            }
        });
    }

    /**
     * The adversarial gradient reaches the generator: d/dθ_G of 0.5·(σ(D(G(x))) − 1)² computed by
     * D.backward → G.backward equals finite differences on G's parameters.
     */
    @Test
    void adversarialGradientReachesGeneratorParameters() {
        GradCheck.inDouble(() -> {
            Generator g = new Generator(new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 2, 1, 8, 0.25, true, 0.3, false), 3);
            Discriminator d = new Discriminator(new DiscriminatorConfig(32, 32, 32, new int[] {2, 2, 2, 2}, 4, 0.3, 0.3), 4);
            INDArray lr = GradCheck.random(new Rng(5), 2, 1, 16, 16, 16);
            INDArray target = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 1);
            java.util.function.Function<Void, Double> loss = v -> Losses
                    .leastSquares(d.forward(g.forward(lr, true), true), target, false).value();
            INDArray logits = d.forward(g.forward(lr, true), true);
            Losses.ValueAndGrad l = Losses.leastSquares(logits, target, false);
            g.zeroGrad();
            d.zeroGrad();
            g.backward(d.backward(l.grad()));
            for (Param p : g.trainable()) {
                if (p.name().equals("head.0.w") || p.name().equals("up.0.w") || p.name().equals("up.4.w")) {
                    GradCheck.scalar(p.name(), p.value(), p.grad().dup(), loss, 3, 1e-4);
                }
            }
        });
    }
}
