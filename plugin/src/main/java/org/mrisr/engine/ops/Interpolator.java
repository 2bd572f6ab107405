package org.mrisr.engine.ops;

import org.mrisr.engine.volume.Volume;

/**
 * Spline upsampling of a low-resolution volume: the paper's baseline. By default equal to
 * {@code scipy.ndimage.zoom(lr, r, order=3)} (cubic B-spline with prefilter), output shape
 * round(n·r) per axis and the affine of scipy's zoom grid.
 */
public final class Interpolator {
    private Interpolator() {
    }

    /** Cubic spline (prefiltered) upsampling by r on every axis. */
    public static Volume cubic(Volume lr, double r) {
        return upsample(lr, new double[] {r}, 3, true);
    }

    /** Upsampling by factors (1 or 3 values) with order 0, 1 or 3; prefilter only matters for 3. */
    public static Volume upsample(Volume lr, double[] factors, int order, boolean prefilter) {
        return Zoom.zoom(lr, factors, order, prefilter);
    }

    /** Upsampling onto an explicit shape, e.g. back onto the HR grid a degradation started from. */
    public static Volume toShape(Volume lr, int[] shape, int order, boolean prefilter) {
        return Zoom.toShape(lr, shape, order, prefilter);
    }
}
