package org.mrisr.engine.eval;

/**
 * The fixed split of one brain volume into a training region and a disjoint held-out region, used
 * by the demo and the quality protocol: the volume is cut across the anterior–posterior axis (y,
 * the second voxel axis); the posterior {@value #TRAIN_FRACTION} of the slices train, the anterior
 * rest is held out. Cutting across y (not left/right) keeps mirror-symmetric anatomy out of the
 * held-out part, since training flips volumes.
 */
public final class DataSplit {
    public static final double TRAIN_FRACTION = 0.6;

    private DataSplit() {
    }

    /** First held-out y index for a volume with {@code ny} slices along y. */
    public static int cut(int ny) {
        return (int) Math.round(ny * TRAIN_FRACTION);
    }

    /**
     * Training region {x0, y0, z0, sx, sy, sz} of a volume of shape {nx, ny, nz}.
     */
    public static int[] trainRegion(int[] shape) {
        return new int[] {0, 0, 0, shape[0], cut(shape[1]), shape[2]};
    }

    /**
     * Held-out region {x0, y0, z0, sx, sy, sz}, trimmed at its far end so every side is a multiple
     * of {@code factor} (then LR = HR / r exactly and SR lands on the HR grid).
     */
    public static int[] heldOutRegion(int[] shape, int factor) {
        int y0 = cut(shape[1]);
        return new int[] {0, y0, 0, floorTo(shape[0], factor), floorTo(shape[1] - y0, factor), floorTo(shape[2], factor)};
    }

    static int floorTo(int n, int m) {
        return n - n % m;
    }
}
