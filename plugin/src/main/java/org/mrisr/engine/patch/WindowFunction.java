package org.mrisr.engine.patch;

import org.mrisr.engine.volume.Volume;

/**
 * What {@link SlidingWindowInferer} runs on each window: any volume-to-volume function whose output
 * has {@code scale[a]} times the window's size along axis a (a network, an interpolator, a test
 * stub). Only the output's voxels are used; its affine is ignored. The window passed in may be
 * reused by the caller after the call returns, so a function must not keep it.
 */
@FunctionalInterface
public interface WindowFunction {
    Volume apply(Volume window);
}
