/**
 * Patches and windows: patch grids, the {@link org.mrisr.engine.patch.Stitcher} that blends overlapping outputs, and the one sliding-window inferer ({@link org.mrisr.engine.patch.SlidingWindowInferer}) that runs any {@link org.mrisr.engine.patch.WindowFunction} over a whole volume in bounded memory.
 *
 * <p>Layer 3. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.patch;
