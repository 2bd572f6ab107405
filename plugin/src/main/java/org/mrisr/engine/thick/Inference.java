package org.mrisr.engine.thick;

import org.mrisr.engine.InvalidInputException;

/**
 * How a trained network is applied to a whole scan: sliding windows of {@code window} thick-grid
 * voxels per edge overlapping by {@code overlap}, Gaussian-blended; a thick axis of up to
 * {@link #WHOLE_AXIS} slices is always covered by one window (so the interpolation along it never
 * sees a window edge). {@code fuse} runs both through-plane orientations and averages them.
 */
public record Inference(int window, int overlap, boolean fuse) {
    public static final int WHOLE_AXIS = 160;

    public Inference {
        if (window < 16 || overlap < 0 || overlap >= window) {
            throw new InvalidInputException("window", "need window >= 16 and 0 <= overlap < window, got " + window + ", "
                    + overlap);
        }
    }

    /** 256-voxel windows (a typical scan in one piece) overlapping by 16, both orientations fused. */
    public static Inference defaults() {
        return new Inference(256, 16, true);
    }

    /** The window edge for a scan with {@code slices} thick slices. */
    int windowFor(int slices) {
        return slices <= WHOLE_AXIS ? Math.max(window, slices) : window;
    }
}
