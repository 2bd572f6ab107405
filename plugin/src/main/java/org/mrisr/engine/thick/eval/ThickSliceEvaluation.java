package org.mrisr.engine.thick.eval;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.thick.Inference;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.thick.ThickGeometry;
import org.mrisr.engine.thick.ThickSliceModel;
import org.mrisr.engine.thick.ThroughPlane;
import org.mrisr.engine.thick.TrainingReport;
import org.mrisr.engine.thick.TrainingSettings;
import org.mrisr.engine.volume.Volume;

/**
 * One evaluation case: a true-3D volume, trimmed along the thick axis to a multiple of the factor, is
 * turned into a thick-slice scan ({@link SliceProfile#thickSlices}, slices 0, r, 2r, …), refined by cubic
 * spline and by the self-supervised method along that axis (both onto the original grid), and both are
 * scored against the original:
 * <ul>
 * <li><em>whole</em>: every voxel, data range of the original (what a user looks at, background included);</li>
 * <li><em>masked</em>: voxels of the brain mask (original &gt; 0, holes filled) only, data range of the
 * original, SSIM map averaged over the mask.</li>
 * </ul>
 * SSIM is scikit-image's default (7³ box window).
 */
public final class ThickSliceEvaluation {
    /** The largest relative spread of voxel sizes accepted as isotropic ground truth. */
    static final double ISOTROPY = 0.05;

    /**
     * @param simulated the profile the thick slices are made with
     * @param assumed   the profile the method is told (the same for a matched model; different to test robustness)
     */
    public record Case(String name, int axis, int factor, SliceProfile.Shape simulated, SliceProfile.Shape assumed) {
        public String label() {
            return String.format(Locale.ROOT, "%s %s x%d %s%s", name, ThickGeometry.name(axis), factor, simulated.label(),
                    assumed == simulated ? "" : " (assumed " + assumed.label() + ")");
        }
    }

    /** PSNR (dB) and SSIM over the whole volume and over the brain mask. */
    public record Scores(double psnrWhole, double ssimWhole, double psnrMasked, double ssimMasked) {
        static Scores of(VolumeScores whole, VolumeScores masked) {
            return new Scores(whole.psnr(), whole.ssim(), masked.psnr(), masked.ssim());
        }
    }

    /** Scores of both methods and the volumes they came from (on the trimmed original's grid). */
    public record Result(Case c, Scores cubic, Scores sr, ThickSliceModel.Training training, double refineSeconds,
            Volume original, Volume thick, Volume cubicVolume, Volume srVolume) {
    }

    private ThickSliceEvaluation() {
    }

    /**
     * Runs one case on {@code original} (an isotropic true-3D volume).
     *
     * @param progress receives training reports (may be null)
     */
    public static Result run(Volume original, Case c, TrainingSettings training, Inference inference,
            Consumer<TrainingReport> progress, BooleanSupplier stop) {
        requireIsotropic(original, c.name());
        int n = original.shape()[c.axis()];
        int[] keep = original.shape();
        keep[c.axis()] = n - n % c.factor();
        Volume hr = original.crop(0, 0, 0, keep[0], keep[1], keep[2]);
        Volume thick = new SliceProfile(c.simulated(), c.factor()).thickSlices(hr, c.axis(), c.factor());
        ThickGeometry g = ThickGeometry.detect(thick, c.axis(), c.factor(), null, c.name());
        Volume cubic = ThroughPlane.cubic(thick, c.axis(), c.factor());
        ThickSliceModel model = ThickSliceModel.train(thick, g, c.assumed(), training, progress, stop);
        long t0 = System.nanoTime();
        Volume sr = model.predict(thick, g, inference, null, null);
        double refine = (System.nanoTime() - t0) / 1e9;
        Volume mask = BrainMask.fromIntensity(hr).toVolume(hr);
        int threads = Runtime.getRuntime().availableProcessors();
        VolumeScorer whole = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.reference(), MaskMode.SELECT, threads);
        return new Result(c, scores(whole, hr, cubic, mask, c.name()), scores(whole, hr, sr, mask, c.name()),
                model.training(), refine, hr, thick, cubic, sr);
    }

    private static Scores scores(VolumeScorer scorer, Volume hr, Volume test, Volume mask, String name) {
        return Scores.of(scorer.score(hr, name, test, "refined", null, "none"),
                scorer.score(hr, name, test, "refined", mask, "brain mask"));
    }

    /** Ground truth must be isotropic: the simulated slices are r voxels thick along the axis. */
    static void requireIsotropic(Volume v, String name) {
        double[] s = v.voxelSize();
        double lo = Math.min(s[0], Math.min(s[1], s[2]));
        double hi = Math.max(s[0], Math.max(s[1], s[2]));
        if (hi > lo * (1 + ISOTROPY)) {
            throw new InvalidInputException(name, String.format(Locale.ROOT,
                    "voxel %.3g x %.3g x %.3g mm is not isotropic: thick slices are simulated as r voxels along one axis, "
                            + "so ground truth must be true 3D with equal voxel sizes (resample it first)", s[0], s[1], s[2]));
        }
    }
}
