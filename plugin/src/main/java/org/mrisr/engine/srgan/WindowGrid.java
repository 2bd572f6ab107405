package org.mrisr.engine.srgan;

/**
 * Window start positions along one axis: 0, step, 2·step, ... and a last window flush with the
 * end, so every voxel is covered; one window of the whole length when the axis is shorter.
 * (Minimal stand-in for the volume engine's patch grid, which inference only needs per axis.)
 */
final class WindowGrid {
    private WindowGrid() {
    }

    /** Window size actually used along an axis of length n. */
    static int size(int n, int window) {
        return Math.min(n, window);
    }

    static int[] starts(int n, int window, int overlap) {
        int w = size(n, window);
        if (w == n) {
            return new int[] {0};
        }
        int step = window - overlap;
        int count = (n - w + step - 1) / step + 1;
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = Math.min(i * step, n - w);
        }
        return s;
    }

    /** Per-voxel blending weights of a window of {@code len} output voxels. */
    static double[] weights(int len, PredictOptions.Blending blending) {
        double[] w = new double[len];
        if (blending == PredictOptions.Blending.CONSTANT) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        double c = (len - 1) / 2.0;
        double sigma = Math.max(len / 8.0, 0.5);
        for (int i = 0; i < len; i++) {
            double d = (i - c) / sigma;
            w[i] = Math.max(Math.exp(-0.5 * d * d), 1e-4);
        }
        return w;
    }
}
