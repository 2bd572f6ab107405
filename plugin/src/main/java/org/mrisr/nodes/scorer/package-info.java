/**
 * The PSNR/SSIM Scorer node: per-row scores and a summary.
 */
package org.mrisr.nodes.scorer;
