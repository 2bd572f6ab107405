package org.mrisr.engine.patch;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * The one sliding-window inferer (after MONAI's {@code sliding_window_inference}): cuts an input
 * volume into overlapping windows ({@link WindowGrid}: the last window flush with the end, so every
 * voxel is covered), runs a {@link WindowFunction} on each, and blends the outputs with a
 * {@link Stitcher}. Output shape: {@code scale[a]·n[a]} per axis; window a at input origin o lands
 * at output origin {@code scale·o}.
 *
 * <p>Memory: the output and the stitcher's weights (float32 each), one input window and one
 * output window at a time, whatever the volume size; the function's own memory comes on top.
 * Stateless: one instance may serve several threads.
 */
public final class SlidingWindowInferer {
    private final int[] scale;
    private final int window;
    private final int overlap;
    private final Blending blending;

    /**
     * @param scale    output/input size ratio per axis (x, y, z), each ≥ 1
     * @param window   window edge in input voxels (≥ 1; the axis length when that is shorter)
     * @param overlap  overlap of neighbouring windows in input voxels, in [0, window)
     * @param blending how overlapping outputs are combined
     */
    public SlidingWindowInferer(int[] scale, int window, int overlap, Blending blending) {
        if (scale.length != 3 || scale[0] < 1 || scale[1] < 1 || scale[2] < 1) {
            throw new IllegalArgumentException("scale needs three factors >= 1");
        }
        if (window < 1 || overlap < 0 || overlap >= window) {
            throw new IllegalArgumentException("need window >= 1 and 0 <= overlap < window, got " + window + ", " + overlap);
        }
        this.scale = scale.clone();
        this.window = window;
        this.overlap = overlap;
        this.blending = blending;
    }

    /** Refuses an input whose output would not fit in one Java array (2^31 voxels). */
    public void requireFits(int[] n) {
        long voxels = (long) n[0] * scale[0] * n[1] * scale[1] * (long) n[2] * scale[2];
        if (voxels > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("input volume", n[0] + "x" + n[1] + "x" + n[2] + " scaled by " + scale[0] + "x"
                    + scale[1] + "x" + scale[2] + " would exceed the largest volume mrisr can hold (2^31 voxels)");
        }
    }

    /**
     * Runs {@code f} over every window of {@code in}.
     *
     * @param outAffine affine of the output grid (the caller knows how its function samples space)
     * @param progress  receives the fraction of windows done (may be null)
     * @param cancel    checked before each window (may be null); true throws {@link CancellationException}
     */
    public Volume run(Volume in, Affine outAffine, WindowFunction f, DoubleConsumer progress, BooleanSupplier cancel) {
        int[] n = in.shape();
        requireFits(n);
        Stitcher stitcher = new Stitcher(n[0] * scale[0], n[1] * scale[1], n[2] * scale[2], outAffine, in.spaceCode(),
                blending);
        int[] sx = WindowGrid.starts(n[0], window, overlap);
        int[] sy = WindowGrid.starts(n[1], window, overlap);
        int[] sz = WindowGrid.starts(n[2], window, overlap);
        int wx = WindowGrid.size(n[0], window);
        int wy = WindowGrid.size(n[1], window);
        int wz = WindowGrid.size(n[2], window);
        int total = sx.length * sy.length * sz.length;
        int done = 0;
        for (int z0 : sz) {
            for (int y0 : sy) {
                for (int x0 : sx) {
                    if (cancel != null && cancel.getAsBoolean()) {
                        throw new CancellationException("cancelled after " + done + " of " + total + " windows");
                    }
                    Volume out = f.apply(in.crop(x0, y0, z0, wx, wy, wz));
                    if (out.nx() != wx * scale[0] || out.ny() != wy * scale[1] || out.nz() != wz * scale[2]) {
                        throw new IllegalStateException("window function returned " + out.nx() + "x" + out.ny() + "x"
                                + out.nz() + " for a " + wx + "x" + wy + "x" + wz + " window (scale " + scale[0] + "x"
                                + scale[1] + "x" + scale[2] + ")");
                    }
                    stitcher.add(x0 * scale[0], y0 * scale[1], z0 * scale[2], out);
                    done++;
                    if (progress != null) {
                        progress.accept(done / (double) total);
                    }
                }
            }
        }
        return stitcher.finish();
    }
}
