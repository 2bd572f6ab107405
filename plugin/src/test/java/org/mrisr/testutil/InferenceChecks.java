package org.mrisr.testutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Helpers for tests that compare the fast inference path with the plain layers. Tolerance {@link #TOL}: 1e-5
 * of the plain output's largest magnitude (float32 rounding of folded weights and of another summation
 * order; measured about 1e-6 and below).
 */
public final class InferenceChecks {
    public static final double TOL = 1e-5;

    private InferenceChecks() {
    }

    /** A float array of standard normal values from {@code seed}. */
    public static INDArray random(long seed, long... shape) {
        Random rnd = new Random(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Nd4j.create(v, shape, 'c');
    }

    /** Random bias and BatchNorm statistics far from the initial ones (mean 0, var 1, γ 1, β 0). */
    public static void randomise(Layer l, long seed) {
        Random rnd = new Random(seed);
        for (Param p : l.params()) {
            INDArray v = p.value();
            float[] f = new float[(int) v.length()];
            for (int i = 0; i < f.length; i++) {
                double g = rnd.nextGaussian();
                f[i] = (float) (p.name().endsWith("var") ? 0.05 + 3 * Math.abs(g)
                        : p.name().endsWith("mean") || p.name().endsWith("beta") ? 2 * g
                        : p.name().endsWith("gamma") ? 1 + 0.5 * g
                        : p.name().endsWith("b") ? 0.3 * g : v.getFloat(i));
            }
            v.assign(Nd4j.create(f, v.shape(), 'c'));
        }
    }

    public static void assertClose(INDArray plain, INDArray fast) {
        assertArrayEquals(plain.shape(), fast.shape());
        assertClose(plain.dup('c').data().asFloat(), fast.dup('c').data().asFloat());
    }

    public static void assertClose(float[] plain, float[] fast) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < plain.length; i++) {
            scale = Math.max(scale, Math.abs(plain[i]));
            diff = Math.max(diff, Math.abs(plain[i] - fast[i]));
        }
        assertTrue(scale > 0.1, "degenerate test data");
        assertTrue(diff <= TOL * scale, "max |plain - fast| " + diff + " > " + TOL + " x " + scale);
    }

}
