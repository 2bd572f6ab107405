package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.volume.Volume;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code ./mrisr score}: PSNR, SSIM, MSE, NRMSE, MAE of a test volume against a reference, computed
 * as scikit-image does (see {@link org.mrisr.engine.metrics.Ssim3d}).
 */
final class ScoreCommand implements Command {
    @Override
    public String name() {
        return "score";
    }

    @Override
    public String summary() {
        return "PSNR/SSIM/MSE/NRMSE/MAE of a volume against a reference (scikit-image compatible)";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr score --reference HR.nii[.gz] --test SR.nii[.gz] [--mask FILE|auto]",
                "                   [--window uniform7|gauss11] [--range paper|reference|<value>]",
                "                   [--mask-mode multiply|select] [--threads N] [--json]",
                "",
                "Scores the test volume against the reference on the same voxel grid.",
                "  --window    uniform7 (default): scikit-image structural_similarity defaults, 7x7x7 box,",
                "              sample covariance, mean over window centres >= 3 voxels from every face;",
                "              gauss11: Gaussian sigma 1.5, 11 taps, population covariance (Wang et al.;",
                "              skimage gaussian_weights=True, use_sample_covariance=False), crop 5.",
                "  --range     data range R for PSNR and SSIM: paper (default: max - min over both",
                "              volumes), reference (max - min of the reference), or a number (e.g. 255).",
                "  --mask      a mask NIfTI on the reference grid (non-zero = inside), or auto: the",
                "              reference > 0 with enclosed holes filled. Default: no mask.",
                "  --mask-mode multiply: both volumes times the mask, averages over all voxels (the",
                "              paper's way); select: averages over mask voxels only, SSIM = the full SSIM",
                "              map's mean over the mask. Default: multiply with --range paper, else select.",
                "  --threads   SSIM threads (default and upper bound: the compute threads, -Dmrisr.compute.threads;",
                "              all cores when unset).",
                "  --json      one JSON object: psnr (null when infinite), psnr_infinite, ssim, mse,",
                "              nrmse (skimage 'euclidean' normalisation), mae, data_range, window,",
                "              range_policy, mask (null or {source, mode, voxels}), reference, test, shape.",
                "Identical volumes have infinite PSNR (JSON: \"psnr\": null, \"psnr_infinite\": true).");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path refPath = args.requiredPath("reference");
        Path testPath = args.requiredPath("test");
        String maskArg = args.string("mask");
        String windowArg = args.string("window", "uniform7");
        String rangeArg = args.string("range", "paper");
        String modeArg = args.string("mask-mode");
        int threads = args.integer("threads", ComputePool.threads());
        boolean json = args.flag("json");
        args.rejectUnknownAndPositional();

        SsimWindow window = SsimWindow.parse(windowArg);
        if (window == null) {
            throw new UsageException("--window must be uniform7 or gauss11, got '" + windowArg + "'");
        }
        DataRangePolicy range = DataRangePolicy.parse(rangeArg, "--range");
        MaskMode mode = null;
        if (modeArg != null) {
            mode = MaskMode.parse(modeArg);
            if (mode == null) {
                throw new UsageException("--mask-mode must be multiply or select, got '" + modeArg + "'");
            }
            if (maskArg == null) {
                throw new UsageException("--mask-mode needs --mask FILE|auto");
            }
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }

        err.println("score: reading " + refPath + " and " + testPath);
        Volume reference = NiftiReader.read(refPath);
        Volume test = NiftiReader.read(testPath);
        Volume mask = null;
        String maskName = null;
        if (maskArg != null) {
            if (maskArg.equals("auto")) {
                maskName = "--mask auto (from " + refPath + ")";
                mask = autoMask(reference);
            } else {
                maskName = maskArg;
                mask = NiftiReader.read(Path.of(maskArg));
            }
        }
        VolumeScorer scorer = new VolumeScorer(window, range, mode, threads);
        long t0 = System.nanoTime();
        VolumeScores s = scorer.score(reference, refPath.toString(), test, testPath.toString(), mask, maskName);
        err.printf(Locale.ROOT, "score: %dx%dx%d scored in %.2f s%n", reference.nx(), reference.ny(), reference.nz(),
                (System.nanoTime() - t0) / 1e9);
        if (json) {
            out.println(toJson(s, maskArg, refPath, testPath, reference));
        } else {
            out.print(toText(s, maskArg));
        }
        return Main.OK;
    }

    static String toJson(VolumeScores s, String maskArg, Path ref, Path test, Volume reference) {
        JsonObject o = new JsonObject();
        o.addProperty("psnr", finiteOrNull(s.psnr()));
        o.addProperty("psnr_infinite", s.psnrInfinite());
        o.addProperty("ssim", finiteOrNull(s.ssim()));
        o.addProperty("mse", s.mse());
        o.addProperty("nrmse", finiteOrNull(s.nrmse()));
        o.addProperty("mae", s.mae());
        o.addProperty("data_range", s.dataRange());
        o.addProperty("window", s.window().label());
        o.addProperty("range_policy", s.rangePolicy().label());
        if (s.maskMode() == null) {
            o.add("mask", null);
        } else {
            JsonObject m = new JsonObject();
            m.addProperty("source", maskArg);
            m.addProperty("mode", s.maskMode().label());
            m.addProperty("voxels", s.maskVoxels());
            o.add("mask", m);
        }
        o.addProperty("reference", ref.toString());
        o.addProperty("test", test.toString());
        JsonArray shape = new JsonArray();
        for (int n : reference.shape()) {
            shape.add(n);
        }
        o.add("shape", shape);
        return new GsonBuilder().serializeNulls().create().toJson(o);
    }

    static String toText(VolumeScores s, String maskArg) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "psnr        %s%n", s.psnrInfinite() ? "inf (identical volumes)" : fmt(s.psnr()) + " dB"));
        b.append(String.format(Locale.ROOT, "ssim        %s%n", fmt(s.ssim())));
        b.append(String.format(Locale.ROOT, "mse         %s%n", fmt(s.mse())));
        b.append(String.format(Locale.ROOT, "nrmse       %s%n", fmt(s.nrmse())));
        b.append(String.format(Locale.ROOT, "mae         %s%n", fmt(s.mae())));
        b.append(String.format(Locale.ROOT, "data_range  %s (%s)%n", fmt(s.dataRange()), s.rangePolicy().label()));
        b.append(String.format(Locale.ROOT, "window      %s%n", s.window().label()));
        b.append(String.format(Locale.ROOT, "mask        %s%n", s.maskMode() == null ? "none"
                : maskArg + " (" + s.maskMode().label() + ", " + s.maskVoxels() + " voxels)"));
        return b.toString();
    }

    /** scipy's {@code binary_fill_holes(reference > 0)} as a 0/1 volume (see {@link BrainMask}). */
    static Volume autoMask(Volume reference) {
        return BrainMask.fromIntensity(reference).toVolume(reference);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : String.valueOf(v);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
