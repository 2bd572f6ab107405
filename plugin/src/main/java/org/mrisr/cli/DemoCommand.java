package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.eval.DataSplit;
import org.mrisr.engine.eval.MethodComparison;
import org.mrisr.engine.eval.Upscaler;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.DegradedPatchSource;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.srgan.train.TrainingJob;
import org.mrisr.engine.volume.Volume;

/**
 * {@code ./mrisr demo}: the whole method on one real brain in a few minutes — split, degrade,
 * train (or fine-tune the shipped model), super-resolve the held-out part, compare with the
 * interpolation baselines, write volumes, scores and a montage.
 */
final class DemoCommand implements Command {
    static final Path DEFAULT_HR = Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");
    /** The files the demo writes into --out (checked before it starts). */
    static final List<String> OUTPUTS = List.of("hr.nii.gz", "lr.nii.gz", "nearest.nii.gz", "trilinear.nii.gz",
            "cubic.nii.gz", "srgan.nii.gz", "model.zip", "scores.json", "montage.png");

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "train and evaluate on a real brain end to end (the main job)";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr demo [--hr FILE] [--factor 2|4] [--minutes M] [--steps N] [--out DIR]",
                "                  [--upsampling resize|subpixel|subpixel-nn] [--patch N] [--seed S] [--from-scratch]",
                "                  [--paper-architecture] [--nonfinite zero|refuse] [--overwrite]",
                "",
                "Without --minutes/--steps (the default) the demo shows the shipped model for --factor on a person it",
                "never saw: Colin 27 (default: " + DEFAULT_HR + " from Debian's mricron-data,",
                "skull-stripped T1 at 1 mm; the shipped models were trained on other people, docs/quality.md). It",
                "degrades the whole volume as the paper's evaluation does (Gaussian sigma 1 voxel, zoom 1/r, order 3,",
                "no prefilter), brings it back with nearest / trilinear / cubic spline / the shipped SRGAN, prints",
                "PSNR and SSIM under the whole (head box, no mask), paper and reference (brain mask) policies, and",
                "writes hr, lr, nearest, trilinear, cubic, srgan (.nii.gz), scores.json and montage.png",
                "(axial/coronal/sagittal: LR | cubic | SRGAN | HR) to --out (default ./mrisr-demo). About a minute.",
                "",
                "With --minutes M or --steps N (or --from-scratch, --upsampling, --paper-architecture) it trains instead:",
                "  1. splits the volume across y: the posterior " + Math.round(DataSplit.TRAIN_FRACTION * 100)
                        + "% of the slices train, the anterior rest is held out;",
                "  2. simulates LR as above;",
                "  3. trains on the training region for the budget: the first half MSE+GDL pre-training of the",
                "     generator, the second half the full GAN (adversarial weight 1e-3; learning rates 1e-4 for both",
                "     networks, faster than the paper's 1e-5 so a short run gets somewhere). If mrisr ships a model",
                "     for the factor and method, it is fine-tuned instead (--from-scratch to train a new one);",
                "  4. super-resolves the held-out region and compares the four methods over 2x2x2 blocks;",
                "  5. writes the files above and model.zip.",
                "",
                "  --minutes M   train for M minutes",
                "  --steps N     train exactly N steps instead (N/2 pre-training + N/2 GAN): deterministic for a seed",
                "  --patch N     HR patch edge (default 16*r)",
                "  --upsampling  train this method (default: the method of the shipped model for the factor)",
                "  --paper-architecture  the paper's generator exactly; by default the demo adds a global input skip",
                "                (the nearest-upsampled LR is added to the output, see `mrisr train --input-skip`),",
                "                which reaches useful quality in minutes on a CPU",
                CommandFiles.NONFINITE_HELP,
                CommandFiles.OVERWRITE_HELP,
                "",
                "The files of step 5 are checked before anything is computed: none may exist (unless --overwrite)",
                "or be the --hr file.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path hrFile = Path.of(args.string("hr", DEFAULT_HR.toString()));
        int factor = args.integer("factor", 2);
        // the training flow only when asked for: by default the shipped model meets a person it never saw
        boolean trainFlow = args.has("minutes") || args.has("steps") || args.has("upsampling") || args.flag("from-scratch")
                || args.flag("paper-architecture");
        double minutes = args.number("minutes", 10);
        long steps = args.longValue("steps", 0);
        Path dir = Path.of(args.string("out", "mrisr-demo"));
        String upsampling = args.string("upsampling");
        // null: the method of the shipped model for the factor (sub-pixel without one), decided below
        UpsamplingMethod method = upsampling == null ? null : CliVolumes.method(upsampling);
        int patch = args.integer("patch", 16 * factor);
        long seed = args.longValue("seed", 42);
        boolean scratch = args.flag("from-scratch");
        boolean paperArchitecture = args.flag("paper-architecture");
        CommandFiles files = CommandFiles.readingWriting(args, err).inputs(hrFile);
        args.rejectUnknownAndPositional();
        if (factor != 2 && factor != 4) {
            throw new UsageException("--factor must be 2 or 4");
        }
        if (!(minutes > 0) && steps <= 0) {
            throw new UsageException("give --minutes > 0 or --steps > 0");
        }
        if (patch % factor != 0 || patch < 32) {
            throw new UsageException("--patch must be a multiple of the factor and at least 32 (the discriminator needs 32)");
        }
        files.outputFolder(dir, OUTPUTS);
        if (!Files.isRegularFile(hrFile)) {
            throw new InvalidInputException(hrFile.toString(), hrFile.equals(DEFAULT_HR)
                    ? "not found: install Debian's mricron-data (apt-get install mricron-data) or pass --hr FILE"
                    : "no such file");
        }
        Files.createDirectories(dir);
        Volume full = files.read(hrFile);
        if (!trainFlow) {
            return new DemoShipped(hrFile, full, factor, dir, out, err).run();
        }
        int[] tr = DataSplit.trainRegion(full.shape());
        CliVolumes.requireAtLeast(full, new int[] {patch, (int) Math.ceil(patch / DataSplit.TRAIN_FRACTION), patch}, hrFile.toString(),
                "the demo trains on " + Math.round(DataSplit.TRAIN_FRACTION * 100) + " % of the slices along y with patches of "
                + patch + " voxels: give a larger --hr volume or a smaller --patch");
        int[] ho = DataSplit.heldOutRegion(full.shape(), factor);
        Volume train = full.crop(tr[0], tr[1], tr[2], tr[3], tr[4], tr[5]);
        Volume heldOut = full.crop(ho[0], ho[1], ho[2], ho[3], ho[4], ho[5]);
        err.printf("demo: %s %dx%dx%d; training region y < %d (%dx%dx%d), held out y >= %d (%dx%dx%d), x%d%n", hrFile,
                full.nx(), full.ny(), full.nz(), tr[4], train.nx(), train.ny(), train.nz(), ho[1], heldOut.nx(), heldOut.ny(),
                heldOut.nz(), factor);

        Nd4jBackend.init(Nd4jBackend.Device.CPU);
        SrModel shipped = null;
        if (!scratch) {
            try {
                shipped = CliVolumes.defaultModel(factor);
                if (method == null) {
                    method = shipped.config().method();
                }
                if (shipped.config().method() != method || shipped.config().inputSkip() == paperArchitecture) {
                    shipped = null;
                }
            } catch (InvalidInputException e) {
                shipped = null;
            }
        }
        if (method == null) {
            method = UpsamplingMethod.SUBPIXEL;
        }
        err.println(shipped != null ? "demo: fine-tuning the shipped x" + factor + " " + method.id() + " model"
                : "demo: training from scratch (" + (scratch ? "--from-scratch" : "no shipped x" + factor + " " + method.id() + " model") + ")");

        Degrader degrader = TrainingJob.degrader(factor, 1, 3, false);
        List<Supplier<Volume>> data = List.of(() -> train);
        List<String> names = List.of(hrFile + " (training region)");
        int[] hrPatch = {patch, patch, patch};
        TrainingConfig base = TrainingConfig.defaults().withSeed(seed).withLearningRates(1e-4, 1e-4).withBatchSize(2);
        double budget = minutes * 60;
        // phase 1: generator pre-training with the content loss only
        long pre = steps > 0 ? Math.max(1, steps / 2) : Long.MAX_VALUE / 4;
        GeneratorConfig generator = GeneratorConfig.paper(factor, method).withInputSkip(!paperArchitecture);
        TrainingJob.Spec s1 = TrainingJob.Spec.of(generator, hrPatch, base.withSteps(pre).withPretrainSteps(pre))
                .withTimeBudget(steps > 0 ? 0 : budget / 2).warmStartingFrom(shipped);
        TrainingJob.Result r1 = TrainingJob.run(new DegradedPatchSource(data, names, hrPatch, factor, degrader, 0.3, seed, 2),
                s1, new ProgressBar(err, "pretrain ", s1.maxSeconds())::update, null);
        // phase 2: the GAN, starting from the pre-trained generator (fresh discriminator)
        long gan = steps > 0 ? Math.max(1, steps - pre) : Long.MAX_VALUE / 4;
        TrainingJob.Spec s2 = TrainingJob.Spec.of(generator, hrPatch, base.withSteps(gan).withSeed(seed + 1))
                .withTimeBudget(steps > 0 ? 0 : budget / 2).warmStartingFrom(r1.model());
        TrainingJob.Result r2 = TrainingJob.run(new DegradedPatchSource(data, names, hrPatch, factor, degrader, 0.3, seed + 1,
                2), s2, new ProgressBar(err, "gan      ", s2.maxSeconds())::update, null);
        SrModel model = r2.model();
        model.save(dir.resolve("model.zip"));
        err.printf("demo: trained %d pre-training + %d GAN steps in %.0f s%n", r1.training().completedSteps(),
                r2.training().completedSteps(), r1.seconds() + r2.seconds());

        List<Upscaler> methods = new ArrayList<>(MethodComparison.baselines(factor));
        methods.add(new Upscaler("srgan " + method.id(), lr -> model.predict(lr, PredictOptions.defaults())));
        MethodComparison cmp = new MethodComparison(factor, degrader, Runtime.getRuntime().availableProcessors());
        Map<String, Volume> results = new LinkedHashMap<>();
        Volume hrHeld = heldOut.trimmedToMultipleOf(factor);
        List<MethodComparison.Row> rows = cmp.compare(hrHeld, "held-out", methods, new int[] {2, 2, 2}, results::put,
                s -> err.println("demo: " + s));
        DemoShipped.writeOutputs(dir, hrHeld, results, results.get("srgan " + method.id()), rows, factor);
        out.println("mrisr demo: x" + factor + " " + method.id() + " on the held-out region of " + hrFile);
        out.print(MethodComparison.table(rows));
        out.println("outputs in " + dir.toAbsolutePath());
        return Main.OK;
    }
}
