package org.mrisr.engine.srgan;

import org.mrisr.engine.srgan.train.PatchPair;
import org.mrisr.engine.srgan.train.PatchPairSource;

/** Smooth synthetic HR patches and their 2×2×2-mean LR versions, normalised to about [−1, 1]. */
public final class Synthetic {
    private Synthetic() {
    }

    public static float[] hr(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] c = new double[4][6];
        for (double[] b : c) {
            for (int i = 0; i < 6; i++) {
                b[i] = r.nextDouble();
            }
        }
        float[] v = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double s = 0;
                    for (double[] b : c) {
                        double dx = x / (double) n - b[0], dy = y / (double) n - b[1], dz = z / (double) n - b[2];
                        s += (b[3] - 0.5) * 1.6 * Math.exp(-(dx * dx + dy * dy + dz * dz) / (0.02 + 0.05 * b[4]));
                    }
                    v[x + n * (y + n * z)] = (float) Math.tanh(s + 0.2 * Math.sin(x * 0.7 + y * 0.3));
                }
            }
        }
        return v;
    }

    public static float[] downsample(float[] hr, int n, int f) {
        int m = n / f;
        float[] lr = new float[m * m * m];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    lr[x / f + m * (y / f + m * (z / f))] += hr[x + n * (y + n * z)] / (f * f * f);
                }
            }
        }
        return lr;
    }

    /** A source cycling over {@code count} synthetic patches of HR size n. */
    public static PatchPairSource source(int n, int factor, int count) {
        PatchPair[] pairs = new PatchPair[count];
        for (int i = 0; i < count; i++) {
            float[] hr = hr(n, 100 + i);
            pairs[i] = new PatchPair(downsample(hr, n, factor), hr, n / factor, n / factor, n / factor, factor);
        }
        return index -> pairs[(int) (index % count)];
    }
}
