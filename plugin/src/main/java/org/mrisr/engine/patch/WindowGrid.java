package org.mrisr.engine.patch;

/**
 * Window start positions along one axis: 0, step, 2·step, ... and a last window flush with the
 * end, so every voxel is covered; one window of the whole length when the axis is shorter.
 * Window sizes and overlaps are in input voxels; {@link SlidingWindowInferer} uses it.
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
}
