package org.mrisr.engine.srgan.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.testutil.InferenceChecks.random;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.nn.BufferPool;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whole networks trained through their {@link org.mrisr.engine.nn.TrainingForm} (phase resize-convs, one-channel
 * convolutions as matrix products, fused conv + shuffle, pooled temporaries and gradients) against the same
 * networks running their built layers: output and input gradient agree within 1e-3 of their scale, every
 * parameter's gradient within 1e-3 of the larger of its scale and a tenth of the largest parameter gradient
 * (gradients that are zero in exact arithmetic, such as a convolution's bias before BatchNorm, are rounding
 * noise on both sides). The layers agree within 1e-5 one by one (their own tests); through a network the
 * float32 differences are amplified where BatchNorm divides by a small batch deviation.
 */
class TrainingFormTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    @ParameterizedTest
    @EnumSource(UpsamplingMethod.class)
    void generatorGradientsMatchTheBuiltLayers(UpsamplingMethod method) {
        GeneratorConfig c = new GeneratorConfig(2, method, 8, 1, 16, 0.25, true, 0.3, true);
        compare(new Generator(c, 3, true, false), new Generator(c, 3, true, true), random(1, 2, 1, 20, 18, 22),
                random(2, 2, 1, 40, 36, 44));
        // upFilters 8: sub-pixel's last convolution has one input and one output channel
        GeneratorConfig narrow = new GeneratorConfig(2, method, 8, 1, 8, 0.25, true, 0.3, true);
        compare(new Generator(narrow, 4, true, false), new Generator(narrow, 4, true, true), random(3, 2, 1, 10, 9, 11),
                random(4, 2, 1, 20, 18, 22));
    }

    @Test
    void discriminatorGradientsMatchTheBuiltLayers() {
        DiscriminatorConfig c = new DiscriminatorConfig(32, 32, 32, new int[] {8, 8, 16, 16}, 16, 0.2, 0.3);
        compare(new Discriminator(c, 4, true, false), new Discriminator(c, 4, true, true), random(3, 2, 1, 32, 32, 32),
                random(4, 2, 1));
    }

    /** The generator's step asks the discriminator for its input gradient alone (stride-1 layers skip the weights). */
    @Test
    void discriminatorInputGradientAloneIsBackwardsInputGradient() {
        DiscriminatorConfig c = new DiscriminatorConfig(32, 32, 32, new int[] {8, 8, 16, 16}, 16, 0.2, 0.3);
        Discriminator plain = new Discriminator(c, 5, true, false);
        Discriminator fast = new Discriminator(c, 5, true, true);
        INDArray x = random(5, 2, 1, 32, 32, 32);
        INDArray g = random(6, 2, 1);
        try (BufferPool pool = new BufferPool(); BufferPool.Scope s = pool.activate()) {
            close("output", plain.forward(x, true), fast.forward(x, true));
            close("input gradient", plain.backward(g.dup()), fast.backwardInput(g.dup()));
        }
    }

    private static void compare(Layer plain, Layer fast, INDArray x, INDArray g) {
        try (BufferPool pool = new BufferPool(); BufferPool.Scope s = pool.activate()) {
            close("output", plain.forward(x, true), fast.forward(x, true));
            close("input gradient", plain.backward(g.dup()), fast.backward(g.dup()));
        }
        List<Param> a = plain.trainable();
        List<Param> b = fast.trainable();
        assertEquals(a.size(), b.size());
        double largest = 0;
        for (Param p : a) {
            largest = Math.max(largest, p.grad().amaxNumber().doubleValue());
        }
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            close(a.get(i).name(), a.get(i).grad(), b.get(i).grad(), 0.1 * largest);
        }
    }

    private static void close(String what, INDArray plain, INDArray fast) {
        close(what, plain, fast, 0);
    }

    private static void close(String what, INDArray plain, INDArray fast, double floor) {
        float[] p = plain.dup('c').data().asFloat();
        float[] f = fast.dup('c').data().asFloat();
        assertEquals(p.length, f.length, what);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < p.length; i++) {
            scale = Math.max(scale, Math.abs(p[i]));
            diff = Math.max(diff, Math.abs(p[i] - f[i]));
        }
        assertTrue(scale > 0 || floor > 0, what + ": degenerate test data");
        assertTrue(diff <= 1e-3 * Math.max(scale, floor), what + ": max |plain - fast| " + diff + " at scale " + scale);
    }
}
