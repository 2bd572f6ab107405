/**
 * Volume operations equal to scipy.ndimage: Gaussian blur, spline prefilter, zoom, the paper's degradation ({@link org.mrisr.engine.ops.Degrader}, and one box of it from its HR block: {@link org.mrisr.engine.ops.RegionDegrader}), interpolation, intensity normalisation, brain masks, noise.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.ops;
