/**
 * Image-quality metrics equal to scikit-image: PSNR, SSIM (3D, uniform 7³ or Gaussian window), MSE, NRMSE, MAE, with the paper's and the reference code's data-range and mask policies.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.metrics;
