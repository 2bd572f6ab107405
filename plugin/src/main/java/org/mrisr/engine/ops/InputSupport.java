package org.mrisr.engine.ops;

import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Volume;

/**
 * Keeps an upsampled output at exactly 0 where its input holds no signal. A network sees empty space
 * rarely in training and writes small non-zero values there (a faint rectangle around a
 * skull-stripped brain), which costs whole-volume SSIM far more than it gains anywhere; the
 * cubic-spline upsampling of the input says where the input is empty.
 */
public final class InputSupport {
    private InputSupport() {
    }

    /**
     * A copy of {@code up} with every voxel set to 0 where the cubic-spline upsampling of {@code in}
     * to {@code up}'s grid is below {@code threshold} (in input intensities). {@code up} must be a
     * zoom of {@code in} (the grid {@link Zoom} gives for its shape).
     */
    public static Volume zeroOutside(Volume in, Volume up, double threshold) {
        Volume cubic = Zoom.toShape(in, up.shape(), 3, true);
        float[] c = cubic.data();
        float[] d = up.data().clone();
        Parallel.forRange(d.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (c[i] < threshold) {
                    d[i] = 0;
                }
            }
        });
        return up.withData(d);
    }
}
