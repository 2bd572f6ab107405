package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central-difference gradient checks in float64 for layers and scalar functions. */
public final class GradCheck {
    private GradCheck() {
    }

    /** Runs {@code body} with float64 as ND4J's default types, restoring the previous defaults. */
    public static void inDouble(Runnable body) {
        DataType d = Nd4j.dataType();
        DataType f = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            body.run();
        } finally {
            Nd4j.setDefaultDataTypes(d, f);
        }
    }

    public static INDArray random(Rng rng, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /**
     * Checks dL/dx and dL/dθ of L = sum(module(x) ⊙ r) at up to {@code samples} entries each.
     * BatchNorm-style layers are checked in training mode (batch statistics), as they are trained.
     */
    public static void module(Layer m, INDArray x, int samples, double tol, boolean training) {
        Rng rng = new Rng(99);
        INDArray y0 = m.forward(x, training);
        INDArray r = random(rng, y0.shape());
        m.zeroGrad();
        INDArray gx = m.backward(r).dup();
        Function<Void, Double> loss = v -> m.forward(x, training).mul(r).sumNumber().doubleValue();
        checkEntries("input", x, gx, loss, samples, tol, rng);
        for (Param p : m.trainable()) {
            INDArray g = p.grad().dup();
            checkEntries(p.name(), p.value(), g, loss, samples, tol, rng);
        }
    }

    /** Checks a scalar function f(a) against its analytic gradient. */
    public static void scalar(String what, INDArray a, INDArray grad, Function<Void, Double> f, int samples,
            double tol) {
        checkEntries(what, a, grad, f, samples, tol, new Rng(7));
    }

    private static void checkEntries(String what, INDArray a, INDArray grad, Function<Void, Double> loss,
            int samples, double tol, Rng rng) {
        long n = a.length();
        INDArray flat = a.reshape(n);
        INDArray gflat = grad.dup('c').reshape(n);
        // small steps: with ~1e5 LeakyReLU units a larger step straddles a kink and biases the estimate
        double h = 1e-7;
        for (int s = 0; s < Math.min(samples, n); s++) {
            long i = n <= samples ? s : (long) (rng.nextDouble() * n);
            double orig = flat.getDouble(i);
            flat.putScalar(i, orig + h);
            double lp = loss.apply(null);
            flat.putScalar(i, orig - h);
            double lm = loss.apply(null);
            flat.putScalar(i, orig);
            double num = (lp - lm) / (2 * h);
            double ana = gflat.getDouble(i);
            assertEquals(num, ana, tol * Math.max(1, Math.abs(num)), what + "[" + i + "]");
        }
    }
}
