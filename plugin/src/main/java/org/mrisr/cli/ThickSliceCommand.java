package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.nifti.NiftiImage;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.thick.Inference;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.thick.ThickGeometry;
import org.mrisr.engine.thick.ThickSliceModel;
import org.mrisr.engine.thick.ThickSliceModelFile;
import org.mrisr.engine.thick.TrainingReport;
import org.mrisr.engine.thick.TrainingSettings;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/**
 * {@code ./mrisr thick-slice}: a thick-slice scan to (near) isotropic along its thick axis, with a
 * network trained on the scan itself. Ctrl-C during training stops it and refines the scan with what
 * was learnt; Ctrl-C during refinement stops without output (the model is still saved if asked).
 */
final class ThickSliceCommand implements Command {
    @Override
    public String name() {
        return "thick-slice";
    }

    @Override
    public String summary() {
        return "refine a thick-slice scan to isotropic, learning from the scan itself (no training data)";
    }

    @Override
    public String help() {
        TrainingSettings d = TrainingSettings.defaults();
        return String.join("\n",
                "usage: mrisr thick-slice --in SCAN --out ISO [--axis x|y|z] [--factor N] [--slice-thickness MM]",
                "                         [--profile gaussian|box] [--steps N] [--minutes M] [--seed S]",
                "                         [--save-model FILE] [--model FILE] [--volume N] [--window N] [--one-orientation]",
                "                         [--channels C] [--depth D] [--patch P] [--batch B] [--lr LR]",
                "",
                "Self-supervised super-resolution along one axis (after SMORE/ECLARE): the scan's own in-plane",
                "slices, blurred along one in-plane direction with the slice profile and sampled every N-th line,",
                "train a small 2D network to undo that; the network then refines every through-plane image",
                "(both orientations, averaged) from its cubic-spline interpolation. No training data is needed;",
                "the assumption is that anatomy looks alike in-plane and through-plane. See docs/thick-slice.md.",
                "",
                "Output grid: the thick axis gets n*N slices at spacing/N, the first slice centre kept (the last",
                "N-1 lie past the last thick slice centre, inside its slab); other axes and the orientation are",
                "unchanged, so ISO overlays SCAN in any viewer.",
                "",
                "  --in SCAN            thick-slice NIfTI (a 4-D file needs --volume); or a folder: every .nii and",
                "                       .nii.gz in it is refined, one after another, into the folder --out (same",
                "                       names; existing outputs skipped unless --overwrite; a bad file is reported on",
                "                       one line and the others go on; a summary line; exit 2 if any file was bad)",
                "  --out ISO            output .nii or .nii.gz (float32), or a folder when --in is one",
                "  --axis x|y|z         thick axis (default: the coarsest voxel spacing in the header)",
                "  --factor N           2.." + ThickGeometry.MAX_FACTOR + " (default: thick spacing / in-plane spacing, rounded)",
                "  --slice-thickness MM slice thickness = the profile's FWHM (default: the slice spacing; smaller",
                "                       with slice gaps, larger with overlapping slices)",
                "  --profile P          gaussian (default) or box slice profile",
                "  --steps N            training steps (default " + d.steps() + "; with --minutes alone: until time is up)",
                "  --minutes M          training time budget; ends at whichever of --steps / --minutes comes first",
                "  --seed S             seeds the network and the training pairs (default " + d.seed() + ")",
                "  --save-model FILE    also write the trained network (zip) to reuse with --model",
                "  --model FILE         refine with a saved network instead of training (same factor)",
                "  --volume N           which volume of a 4-D file (0-based)",
                "  --window N           inference window edge in thick-grid voxels (default "
                        + Inference.defaults().window() + "; smaller uses less memory)",
                "  --one-orientation    run the network on one through-plane orientation only (half the time)",
                "  --nonfinite zero|refuse  NaN/Inf voxels: background 0 with a warning (default) or exit 2",
                "  --overwrite          replace an existing ISO or --save-model file (default: refuse, exit 2)",
                "  --channels C, --depth D, --patch P, --batch B, --lr LR",
                "                       network width (" + d.channels() + ") and layers (" + d.depth() + "), training patch edge ("
                        + d.patch() + "), patches per step (" + d.batch() + "), Adam learning rate (" + d.learningRate() + ")",
                "",
                "Refuses an already isotropic scan (unless --axis and --factor force it), a factor below 2, fewer",
                "than " + ThickGeometry.MIN_SLICES + " slices along the thick axis, and a 4-D file without --volume.",
                "Progress and ETA on stderr; one JSON object on stdout. Ctrl-C during training stops it and refines",
                "with what was learnt; Ctrl-C while refining stops without writing ISO (--save-model is still written).");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path in = args.requiredPath("in");
        Path outFile = args.requiredPath("out");
        String axisName = args.string("axis");
        Integer factor = args.has("factor") ? args.integer("factor", 0) : null;
        Double thickness = args.has("slice-thickness") ? args.number("slice-thickness", 0) : null;
        String profileName = args.string("profile", "gaussian");
        TrainingSettings settings = training(args);
        String saveModel = args.string("save-model");
        String modelFile = args.string("model");
        Integer volume = args.has("volume") ? args.integer("volume", 0) : null;
        int window = args.integer("window", Inference.defaults().window());
        boolean one = args.flag("one-orientation");
        boolean overwrite = args.has("overwrite");
        CommandFiles files = CommandFiles.readingWriting(args, err);
        args.rejectUnknownAndPositional();
        if (volume != null && volume < 0) {
            throw new UsageException("--volume must be >= 0, got " + volume);
        }
        if (modelFile != null && saveModel != null) {
            throw new UsageException("--model reuses a saved network; --save-model is for a newly trained one");
        }
        Integer axis = axisName == null ? null : ThickGeometry.parseAxis(axisName, "--axis");
        SliceProfile.Shape shape = SliceProfile.Shape.parse(profileName, "--profile");
        Inference inference = new Inference(window, Inference.defaults().overlap(), !one);
        Request q = new Request(volume, axis, factor, thickness, shape, settings, saveModel, modelFile, inference);
        if (Files.isDirectory(in)) {
            return ThickSliceFolder.run(this, in, outFile, q, files, overwrite, out, err);
        }
        return refine(in, outFile, q, files, out, err);
    }

    /** What one refinement needs besides its input and output (the flags of the command). */
    record Request(Integer volume, Integer axis, Integer factor, Double thickness, SliceProfile.Shape shape,
            TrainingSettings settings, String saveModel, String modelFile, Inference inference) {
    }

    /** One scan: checks, training (or the saved network), refinement, the atomic write; the exit code. */
    int refine(Path in, Path outFile, Request q, CommandFiles files, PrintStream out, PrintStream err) throws Exception {
        Integer volume = q.volume();
        Integer axis = q.axis();
        Integer factor = q.factor();
        Double thickness = q.thickness();
        SliceProfile.Shape shape = q.shape();
        TrainingSettings settings = q.settings();
        String saveModel = q.saveModel();
        String modelFile = q.modelFile();
        Inference inference = q.inference();
        files.inputs(in);
        if (modelFile != null) {
            files.inputs(Path.of(modelFile));
        }
        files.output(outFile, OutputFile.Kind.NIFTI);
        if (saveModel != null) {
            files.output(Path.of(saveModel), OutputFile.Kind.MODEL);
        }

        Volume scan = files.clean(read(in, volume), in.toString());
        ThickGeometry g = ThickGeometry.detect(scan, axis, factor, thickness, in.toString());
        err.printf(Locale.ROOT, "thick-slice: %s %dx%dx%d, voxel %s mm: %s -> %dx%dx%d%n", in, scan.nx(), scan.ny(), scan.nz(),
                size(scan.voxelSize()), g, g.outputShape(scan.shape())[0], g.outputShape(scan.shape())[1],
                g.outputShape(scan.shape())[2]);
        Nd4jBackend.init(Nd4jBackend.Device.CPU);

        AtomicBoolean training = new AtomicBoolean(true);
        AtomicBoolean stopTraining = new AtomicBoolean();
        AtomicBoolean stopRefining = new AtomicBoolean();
        try (ShutdownWait hook = new ShutdownWait("mrisr-thick-slice-interrupt",
                () -> (training.get() ? stopTraining : stopRefining).set(true))) {
            ThickSliceModel model;
            if (modelFile != null) {
                model = ThickSliceModelFile.read(Path.of(modelFile));
                err.println("thick-slice: refining with " + modelFile + " (" + model.profile() + ", trained "
                        + model.training().steps() + " steps)");
            } else {
                err.printf(Locale.ROOT, "thick-slice: training on the scan's in-plane slices: %s profile, %s%s%n", shape.label(),
                        settings.steps() == Long.MAX_VALUE ? "no step limit" : settings.steps() + " steps",
                        settings.seconds() > 0 ? ", at most " + settings.seconds() / 60 + " min" : "");
                Progress bar = new Progress(err);
                model = ThickSliceModel.train(scan, g, shape, settings, bar::training, stopTraining::get);
                bar.end();
                if (model.training().stopped()) {
                    err.println("thick-slice: interrupted; training stopped at step " + model.training().steps()
                            + ", refining with what was learnt");
                }
                if (saveModel != null) {
                    ThickSliceModelFile.write(Path.of(saveModel), model);
                }
            }
            training.set(false);
            Progress bar = new Progress(err);
            long t0 = System.nanoTime();
            Volume iso;
            try {
                iso = model.predict(scan, g, inference, bar::refining, stopRefining::get);
            } catch (CancellationException e) {
                bar.end();
                err.println("thick-slice: interrupted while refining; " + outFile + " not written"
                        + (saveModel != null ? " (model " + saveModel + " saved)" : ""));
                return Main.INTERNAL;
            }
            bar.end();
            double refineSeconds = (System.nanoTime() - t0) / 1e9;
            CommandFiles.write(iso, outFile);
            out.println(summary(outFile, iso, g, shape, model, refineSeconds, saveModel, stopTraining.get()));
            return Main.OK;
        }
    }

    /**
     * The training flags both thick-slice commands share: --steps (default {@link TrainingSettings#DEFAULT_STEPS},
     * unlimited with --minutes alone), --minutes, --seed, --channels, --depth, --patch, --batch, --lr.
     */
    static TrainingSettings training(Args args) throws UsageException {
        TrainingSettings d = TrainingSettings.defaults();
        boolean minutesOnly = args.has("minutes") && !args.has("steps");
        long steps = args.longValue("steps", minutesOnly ? Long.MAX_VALUE : d.steps());
        double minutes = args.number("minutes", 0);
        if (minutes < 0 || steps < 1) {
            throw new UsageException("--steps must be >= 1 and --minutes >= 0");
        }
        return new TrainingSettings(steps, minutes * 60, args.longValue("seed", d.seed()), args.integer("channels", d.channels()),
                args.integer("depth", d.depth()), args.integer("patch", d.patch()), args.integer("batch", d.batch()),
                args.number("lr", d.learningRate()));
    }

    /** The chosen volume; a 4-D file without --volume is refused rather than silently cut to volume 0. */
    static Volume read(Path in, Integer volume) {
        if (!in.toFile().exists()) {
            throw new InvalidInputException(in.toString(), "no such file");
        }
        NiftiImage img = new NiftiReader().volume(volume == null ? 0 : volume).readImage(in);
        if (volume == null && img.volumes() > 1) {
            throw new InvalidInputException(in.toString(), "a 4-D file with " + img.volumes()
                    + " volumes; give --volume N (0-based) to refine one of them");
        }
        return img.volume();
    }

    private static JsonObject summary(Path outFile, Volume iso, ThickGeometry g, SliceProfile.Shape shape, ThickSliceModel m,
            double refineSeconds, String saveModel, boolean interrupted) {
        JsonObject j = new JsonObject();
        j.addProperty("out", outFile.toString());
        j.add("shape", DegradeCommand.ints(iso.shape()));
        j.add("voxel_size_mm", DegradeCommand.doubles(iso.voxelSize()));
        j.addProperty("axis", ThickGeometry.name(g.axis()));
        j.addProperty("factor", g.factor());
        j.addProperty("slice_thickness_mm", g.thicknessMm());
        j.addProperty("profile", m.profile().shape().label());
        j.addProperty("training_steps", m.training().steps());
        j.addProperty("training_seconds", Math.round(m.training().seconds() * 10) / 10.0);
        j.addProperty("loss", CliVolumes.finiteOrNull(m.training().loss()));
        j.addProperty("stopped", interrupted ? "interrupted" : m.training().stopped() ? "stopped" : "budget used");
        j.addProperty("refine_seconds", Math.round(refineSeconds * 10) / 10.0);
        if (saveModel != null) {
            j.addProperty("model", saveModel);
        }
        return j;
    }

    static String size(double[] s) {
        return String.format(Locale.ROOT, "%.3g x %.3g x %.3g", s[0], s[1], s[2]);
    }

    /** Training and refinement progress on stderr: redrawn on a terminal, a line every ten seconds otherwise. */
    static final class Progress {
        private final PrintStream err;
        private final boolean terminal;
        private long last;
        private final long start = System.nanoTime();

        Progress(PrintStream err) {
            this.err = err;
            this.terminal = System.console() != null && err == System.err;
        }

        void training(TrainingReport r) {
            String total = r.totalSteps() == Long.MAX_VALUE ? "" : "/" + r.totalSteps();
            show(r.fraction() >= 1, String.format(Locale.ROOT, "train step %d%s %s %3.0f%% · loss %.5f · %.2f s/step · ETA %s",
                    r.step(), total, bar(r.fraction()), 100 * r.fraction(), r.loss(), r.seconds() / r.step(),
                    TrainingReport.duration(r.etaSeconds())));
        }

        void refining(double fraction) {
            double s = (System.nanoTime() - start) / 1e9;
            show(fraction >= 1, String.format(Locale.ROOT, "refine %s %3.0f%% · ETA %s", bar(fraction), 100 * fraction,
                    TrainingReport.duration(fraction > 0 ? s / fraction * (1 - fraction) : Double.NaN)));
        }

        private void show(boolean force, String line) {
            long now = System.nanoTime();
            if (!terminal && !force && now - last < 10_000_000_000L && last != 0) {
                return;
            }
            last = now;
            if (terminal) {
                err.print("\r" + line + "\u001b[K");
            } else {
                err.println(line);
            }
            err.flush();
        }

        void end() {
            if (terminal) {
                err.println();
            }
        }

        private static String bar(double f) {
            int done = (int) Math.round(Math.min(1, f) * 20);
            return "[" + "#".repeat(done) + ".".repeat(20 - done) + "]";
        }
    }
}
