package org.mrisr.engine.srgan;

import org.mrisr.engine.InvalidInputException;

/**
 * The paper's intensity normalisation x → (x − m/2)/(m/2), mapping [0, m] to [−1, 1], and its
 * inverse y → (y + 1)·m/2. m is the maximum of the whole LR volume (what inference has), not of
 * the HR patch as in the reference code.
 */
public record Intensity(double max) {

    public Intensity {
        if (!(max > 0) || !Double.isFinite(max)) {
            throw new InvalidInputException("volume intensities",
                    "maximum must be positive and finite for normalisation, got " + max);
        }
    }

    /** m = maximum over the volume's finite voxels. */
    public static Intensity of(float[] volume, String source) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : volume) {
            if (v > m && Float.isFinite(v)) {
                m = v;
            }
        }
        if (!(m > 0)) {
            throw new InvalidInputException(source, "has no positive intensity (max " + m + "); cannot normalise");
        }
        return new Intensity(m);
    }

    public float[] normalise(float[] x) {
        float[] y = new float[x.length];
        double h = max / 2;
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) ((x[i] - h) / h);
        }
        return y;
    }

    public float[] denormalise(float[] y) {
        float[] x = new float[y.length];
        double h = max / 2;
        for (int i = 0; i < y.length; i++) {
            x[i] = (float) ((y[i] + 1) * h);
        }
        return x;
    }
}
