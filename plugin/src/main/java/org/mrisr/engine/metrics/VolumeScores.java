package org.mrisr.engine.metrics;

/**
 * The scores of one (reference, test) pair and how they were computed.
 *
 * @param psnr        dB; {@link Double#POSITIVE_INFINITY} for identical volumes
 * @param ssim        mean SSIM (see {@link Ssim3d#score})
 * @param mse         mean squared error
 * @param nrmse       ‖ref − test‖ / ‖ref‖ (skimage's 'euclidean'); NaN/∞ when the reference is 0 in the region
 * @param mae         mean absolute error
 * @param dataRange   the R used by PSNR and SSIM
 * @param window      the SSIM window
 * @param rangePolicy how R was chosen
 * @param maskMode    how the mask was applied; null without a mask
 * @param maskVoxels  mask voxels; −1 without a mask
 */
public record VolumeScores(double psnr, double ssim, double mse, double nrmse, double mae, double dataRange,
        SsimWindow window, DataRangePolicy rangePolicy, MaskMode maskMode, long maskVoxels) {

    /** True for identical volumes (MSE 0). */
    public boolean psnrInfinite() {
        return psnr == Double.POSITIVE_INFINITY;
    }
}
