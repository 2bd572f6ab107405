/**
 * Thick-slice super-resolution scored against ground truth: thick-slice scans simulated from true-3D volumes with a
 * slice profile, refined by the self-supervised method and by cubic spline along the thick axis, both scored against
 * the original (whole volume and brain-masked PSNR/SSIM).
 *
 * <p>Layer 5. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}, {@code org.mrisr.engine.metrics}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.thick}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.thick.eval;
