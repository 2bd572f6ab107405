package org.mrisr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.mrisr.engine.OutputFile;
import org.mrisr.engine.TemporaryFile;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.DegradedPatchSource;
import org.mrisr.engine.srgan.train.IntensityAugmentation;
import org.mrisr.engine.srgan.train.LabelSmoothing;
import org.mrisr.engine.srgan.train.Preprocessing;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.srgan.train.TrainingJob;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/**
 * {@code ./mrisr train}: trains an SRGAN on HR volumes (LR simulated by the degrade protocol) and
 * writes a model file. Ctrl-C stops after the current step, saving a checkpoint and the model.
 */
final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a 3D SRGAN on HR volumes (LR simulated by degrade) and write a model file";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr train --hr FILE... --factor 2|4 --upsampling resize|subpixel|subpixel-nn --out MODEL",
                "                   [--steps N] [--minutes M] [--patch X,Y,Z] [--batch B] [--seed S]",
                "                   [--resume CHECKPOINT] [--checkpoint FILE] [--checkpoint-every N] [--from MODEL]",
                "                   [--pretrain N] [--lr-g G] [--lr-d D] [--adversarial A] [--mse W] [--gdl W]",
                "                   [--labels one-sided|noisy] [--code-variant] [--no-augment] [--input-skip]",
                "                   [--sigma S] [--order 0|1|3] [--foreground F] [--region x0,y0,z0,sx,sy,sz] [--note TEXT]",
                "                   [--normalisation robust-max|half-max] [--residual none|cubic]",
                "                   [--intensity-augment] [--aug-scale S] [--aug-gamma G] [--aug-bias B] [--aug-noise N]",
                "                   [--contrast T1w|T2w|FLAIR|PDw|T2starw|unknown]",
                "                   [--nonfinite zero|refuse] [--overwrite]",
                "",
                "Trains the generator and discriminator of Sanchez & Vilaplana (MIDL 2018) on random patch pairs",
                "cut from the HR volumes; the LR side is simulated as in `mrisr degrade` (Gaussian blur sigma, then",
                "zoom by 1/r with --order, no prefilter). Intensities are normalised per degraded volume (--normalisation).",
                "",
                "  --hr FILE...        HR training volumes (NIfTI), loaded lazily",
                "  --factor 2|4        upsampling factor",
                "  --upsampling M      resize (resize-convolution), subpixel, subpixel-nn",
                "  --out MODEL         model file to write, .mrisr or .zip (a zip with model.json; docs/model-format.md)",
                "  --steps N           optimiser steps in total, pre-training included (default 1000)",
                "  --minutes M         stop after M minutes (the model of the last completed step is saved)",
                "  --patch X,Y,Z       HR patch size, multiples of the factor (default 64,64,64; paper 128,128,92)",
                "  --batch B           patch pairs per step (default 2, as the paper)",
                "  --seed S            seeds weights, patches, augmentation, label noise (default 42)",
                "  --resume FILE       continue bit-identically from a checkpoint (its settings win)",
                "  --checkpoint FILE   checkpoint path, .ckpt (default MODEL.ckpt); --checkpoint-every N steps (default 100)",
                "  --from MODEL        start from a trained model's generator weights (fine-tuning)",
                "  --pretrain N        first N steps train G with MSE+GDL only (default 0)",
                "  --lr-g, --lr-d      Adam learning rates (default 1e-5, 1e-4 as the paper)",
                "  --adversarial A     adversarial weight alpha (default 1e-3); --mse, --gdl content weights (default 1)",
                "  --labels L          one-sided (paper, default) or noisy (the reference code)",
                "  --code-variant      the reference code's settings: alpha 0.1, noisy labels on logits, lr 1e-4 both",
                "  --no-augment        no random flips / 90-degree rotations",
                "  --input-skip        beyond the paper: the generator adds the nearest-upsampled input to its output",
                "                      and learns only the residual (much faster convergence; same parameters)",
                "  --normalisation N   robust-max (default): (x - m/2)/(m/2) with m the 99.5th percentile of the voxels",
                "                      > 0 of each degraded volume (a few bright outliers do not squeeze the tissue);",
                "                      half-max: m = its maximum (the paper). Recorded in the model; prediction fits",
                "                      the same way on each input.",
                "  --residual R        none (default): the network gives the image; cubic: it gives the difference",
                "                      to the cubic-spline upsampling of its input (recorded in the model; prediction",
                "                      adds the cubic spline back), so an untrained network starts at cubic spline",
                IntensityFlags.HELP,
                "  --contrast C        the training volumes' contrast, recorded in model.json (trainingInput.contrast)",
                "                      so predict can warn about other contrasts; default: from the --hr file names (BIDS",
                "                      suffix _T1w, _FLAIR, ... or a token T1, T2, FLAIR, PD split on _ - .), unknown when",
                "                      they disagree or say nothing",
                "  --sigma S           blur sigma in voxels (default 1); --order (default 3)",
                "  --foreground F      wanted fraction of voxels > 0 per HR patch (default 0.3)",
                "  --region ...        train only on this box of every volume (voxels: origin then size)",
                "  --note TEXT         free text stored in model.json (training.note), e.g. data provenance",
                CommandFiles.NONFINITE_HELP,
                "  --overwrite         replace an existing MODEL or checkpoint (default: refuse, exit 2); neither may be",
                "                      an input (--hr, --from; the checkpoint may be the --resume file it continues)",
                "",
                "Prints one JSON object (model path, steps, losses, seconds) on stdout; progress goes to stderr.",
                "Before step 1 the folders of MODEL and the checkpoint must have room for one model and one checkpoint",
                "(estimated from the parameter count). A checkpoint or model that cannot be written later (disk full)",
                "keeps the last good checkpoint (files are replaced through temporaries), names it and how to resume,",
                "and exits 2: the disk refused the write, not a fault of mrisr.",
                "Set OMP_WAIT_POLICY=PASSIVE (the launcher does).");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> hrFiles = args.list("hr");
        int factor = args.integer("factor", 0);
        String up = args.string("upsampling");
        Path model = args.requiredPath("out");
        long steps = args.longValue("steps", 1000);
        double minutes = args.number("minutes", 0);
        int[] patch = CliVolumes.ints(args.numbers("patch", 3, new double[] {64, 64, 64}), "patch");
        int batch = args.integer("batch", 2);
        long seed = args.longValue("seed", 42);
        String resume = args.string("resume");
        Path checkpoint = Path.of(args.string("checkpoint", model + ".ckpt"));
        long every = args.longValue("checkpoint-every", 100);
        String from = args.string("from");
        long pretrain = args.longValue("pretrain", 0);
        boolean codeVariant = args.flag("code-variant");
        double lrG = args.number("lr-g", codeVariant ? 1e-4 : 1e-5);
        double lrD = args.number("lr-d", 1e-4);
        double adv = args.number("adversarial", codeVariant ? 0.1 : 1e-3);
        double mse = args.number("mse", 1);
        double gdl = args.number("gdl", 1);
        String labels = args.string("labels", codeVariant ? "noisy" : "one-sided");
        boolean augment = !args.flag("no-augment");
        boolean inputSkip = args.flag("input-skip");
        double sigma = args.number("sigma", 1);
        int order = args.integer("order", 3);
        double foreground = args.number("foreground", 0.3);
        int[] region = CliVolumes.region(args.string("region"));
        String note = args.string("note");
        String normalisation = args.string("normalisation", Normalizer.ROBUST_MAX);
        String residual = args.string("residual", "none");
        IntensityAugmentation intensity = IntensityFlags.parse(args);
        String contrast = args.has("contrast") ? PredictSetup.flagContrast(args.string("contrast")) : null;
        CommandFiles files = CommandFiles.readingWriting(args, err);
        args.rejectUnknownAndPositional();
        Normalizer normalizer = switch (normalisation) {
            case Normalizer.HALF_MAX -> Normalizer.halfMax();
            case Normalizer.ROBUST_MAX -> Normalizer.robustMax(99.5);
            default -> throw new UsageException("--normalisation must be half-max or robust-max, got '" + normalisation + "'");
        };
        Preprocessing preprocessing = switch (residual) {
            case "none" -> new Preprocessing(normalizer, ModelInfo.NO_RESIDUAL);
            case "cubic" -> new Preprocessing(normalizer, ModelInfo.CUBIC_RESIDUAL);
            default -> throw new UsageException("--residual must be none or cubic, got '" + residual + "'");
        };

        if (hrFiles.isEmpty()) {
            throw new UsageException("missing --hr FILE...");
        }
        if (factor != 2 && factor != 4) {
            throw new UsageException("--factor must be 2 or 4");
        }
        if (up == null) {
            throw new UsageException("missing --upsampling resize|subpixel|subpixel-nn");
        }
        UpsamplingMethod method = CliVolumes.method(up);
        if (order != 0 && order != 1 && order != 3) {
            throw new UsageException("--order must be 0, 1 or 3");
        }
        if (!(foreground >= 0 && foreground <= 1)) {
            throw new UsageException("--foreground is a fraction of voxels, in [0, 1]; got " + foreground);
        }
        if (minutes < 0 || steps < 1) {
            throw new UsageException("--steps must be >= 1 and --minutes >= 0");
        }
        LabelSmoothing ls = switch (labels) {
            case "one-sided" -> LabelSmoothing.ONE_SIDED;
            case "noisy" -> LabelSmoothing.NOISY;
            default -> throw new UsageException("--labels must be one-sided or noisy");
        };
        for (String f : hrFiles) {
            files.inputs(Path.of(f));
        }
        if (from != null) {
            files.inputs(Path.of(from));
        }
        files.output(model, OutputFile.Kind.MODEL);
        if (resume != null && OutputFile.sameFile(checkpoint, Path.of(resume))) {
            // continuing its own checkpoint: replacing it is the point
            OutputFile.check(checkpoint, OutputFile.Kind.CHECKPOINT);
        } else {
            files.inputs(resume == null ? List.of() : List.of(Path.of(resume))).output(checkpoint, OutputFile.Kind.CHECKPOINT);
        }
        for (String f : hrFiles) {
            if (!Files.isRegularFile(Path.of(f))) {
                throw new NoSuchFileException(f);
            }
        }
        GeneratorConfig generator = GeneratorConfig.paper(factor, method).withInputSkip(inputSkip);
        TrainingFiles.requireSpace(model, checkpoint, generator, patch);
        TrainingConfig config = TrainingConfig.defaults().withSteps(steps).withBatchSize(batch).withSeed(seed)
                .withLearningRates(lrG, lrD).withLossWeights(adv, mse, gdl).withLabels(ls, codeVariant)
                .withPretrainSteps(pretrain).withAugment(augment).withCheckpointEvery(every);
        SrModel warm = from == null ? null : SrModel.load(Path.of(from));

        List<Supplier<Volume>> volumes = new ArrayList<>();
        for (String f : hrFiles) {
            volumes.add(() -> CliVolumes.requireAtLeast(CliVolumes.cropToRegion(files.read(Path.of(f)), region, f), patch,
                    f, "every training volume (or --region) must hold one HR patch: use a smaller --patch"));
        }
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
        TrainingJob.Spec spec = TrainingJob.Spec.of(generator, patch, config).withTimeBudget(minutes * 60)
                .withCheckpoint(checkpoint).resumingFrom(resume == null ? null : Path.of(resume)).warmStartingFrom(warm);
        DegradedPatchSource source = new DegradedPatchSource(volumes, hrFiles, patch, factor,
                TrainingJob.degrader(factor, sigma, order, false), foreground, seed, Math.max(2, hrFiles.size()), preprocessing,
                intensity);
        DegradedPatchSource data = contrast == null ? source : source.withContrast(contrast);

        AtomicBoolean interrupted = new AtomicBoolean();
        ShutdownWait hook = new ShutdownWait("mrisr-train-interrupt", () -> interrupted.set(true));
        CountDownLatch saved = hook.released();
        // on SIGTERM the temporaries of the model and checkpoint being saved must survive until saved
        TemporaryFile.deferShutdownCleanup(saved);
        try {
            err.println("train: " + hrFiles.size() + " volume(s), x" + factor + " " + method.id() + ", HR patch "
                    + patch[0] + "x" + patch[1] + "x" + patch[2] + ", batch " + batch + ", " + steps + " steps"
                    + (minutes > 0 ? ", at most " + minutes + " min" : "") + (warm != null ? ", from " + from : "")
                    + (resume != null ? ", resuming " + resume : "") + ", contrast " + data.contrast()
                    + (intensity.enabled() ? ", intensity augmentation " + intensity.toJson().toString() : ""));
            ProgressBar bar = new ProgressBar(err);
            long[] lastStep = {0};
            TrainingJob.Result r;
            try {
                r = TrainingJob.run(data, spec, report -> {
                    lastStep[0] = report.step();
                    bar.update(report);
                }, interrupted::get);
            } catch (IOException e) {
                // the job writes nothing but checkpoints: the disk refused one
                bar.finish();
                throw TrainingFiles.checkpointFailed(checkpoint, lastStep[0], e);
            }
            bar.finish();
            SrModel trained = note == null ? r.model() : r.model().withTrainingNote("note", note);
            try {
                trained.save(model);
            } catch (IOException e) {
                throw TrainingFiles.modelFailed(model, checkpoint, e);
            }
            if (interrupted.get()) {
                err.println("train: interrupted; checkpoint " + checkpoint + " and model " + model + " saved at step "
                        + r.training().completedSteps() + "; continue with the same command and --resume " + checkpoint
                        + " --overwrite");
            }
            JsonObject o = new JsonObject();
            o.addProperty("model", model.toString());
            o.addProperty("checkpoint", checkpoint.toString());
            o.addProperty("completed_steps", r.training().completedSteps());
            o.addProperty("stopped", interrupted.get() ? "interrupted" : r.outOfTime() ? "time budget" : "steps done");
            o.addProperty("seconds", Math.round(r.seconds() * 10) / 10.0);
            if (r.training().last() != null) {
                o.addProperty("mse", r.training().last().mse());
                o.addProperty("gdl", r.training().last().gdl());
                o.addProperty("d_loss", CliVolumes.finiteOrNull(r.training().last().dLoss()));
            }
            out.println(o);
            return Main.OK;
        } finally {
            hook.close();
            TemporaryFile.undeferShutdownCleanup(saved);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
