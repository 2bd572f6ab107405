package org.mrisr.engine.metrics;

import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.volume.Volume;

/**
 * Scores one (reference, test) pair with every metric: checks the inputs ({@link MetricInputs},
 * window fit), resolves the data range, then PSNR, SSIM, MSE, NRMSE, MAE over the same
 * {@link ScoreRegion}.
 */
public final class VolumeScorer {
    private final SsimWindow window;
    private final DataRangePolicy rangePolicy;
    private final MaskMode maskMode;
    private final Ssim3d ssim;

    /**
     * @param maskMode how a mask is applied; null picks {@link MaskMode#defaultFor} the policy
     * @param threads  parts SSIM is split into (&gt;= 1); at most the compute pool's threads run at once
     */
    public VolumeScorer(SsimWindow window, DataRangePolicy rangePolicy, MaskMode maskMode, int threads) {
        this.window = window;
        this.rangePolicy = rangePolicy;
        this.maskMode = maskMode != null ? maskMode : MaskMode.defaultFor(rangePolicy);
        this.ssim = new Ssim3d(window, threads);
    }

    /** skimage-default window, paper range, the compute pool's threads. */
    public VolumeScorer() {
        this(SsimWindow.UNIFORM7, DataRangePolicy.paper(), null, ComputePool.threads());
    }

    public MaskMode maskMode() {
        return maskMode;
    }

    /** Scores with generic names ("reference", "test", "mask") in errors. */
    public VolumeScores score(Volume reference, Volume test, Volume mask) {
        return score(reference, "reference", test, "test", mask, "mask");
    }

    /**
     * @param mask null for none; otherwise non-zero voxels are inside
     * @param referenceName, testName, maskName name the inputs in errors (e.g. file paths)
     * @throws org.mrisr.engine.InvalidInputException on a shape mismatch, NaN/Inf voxels, an empty
     *         or misshapen mask, a volume smaller than the window, or a zero data range
     */
    public VolumeScores score(Volume reference, String referenceName, Volume test, String testName, Volume mask,
            String maskName) {
        MetricInputs.checkSameShape(reference, referenceName, test, testName);
        Ssim3d.checkFits(window, reference.shape(), referenceName);
        MetricInputs.checkFinite(reference, referenceName);
        MetricInputs.checkFinite(test, testName);
        ScoreRegion region;
        if (mask == null) {
            region = ScoreRegion.all(reference.size());
        } else {
            MetricInputs.checkMask(reference, mask, maskName);
            region = ScoreRegion.of(mask, maskMode, maskName);
        }
        double range = rangePolicy.resolve(reference, test);
        double mse = Mse.of(reference, test, region);
        return new VolumeScores(Psnr.fromMse(mse, range), ssim.score(reference, test, region, range), mse,
                Nrmse.of(reference, test, region), Mae.of(reference, test, region), range, window, rangePolicy,
                region.mode(), region.maskVoxels());
    }
}
