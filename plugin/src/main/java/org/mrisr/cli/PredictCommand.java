package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;
import org.mrisr.engine.nifti.NiftiFolder;
import org.mrisr.engine.srgan.PredictMemory;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@code ./mrisr predict}: super-resolves a whole LR volume patch-wise with a trained model. */
final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "super-resolve an LR volume with a trained (or the shipped) SRGAN model";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr predict [--model MODEL] --in LR --out SR [--factor 2|4] [--window N | --max-memory S] [--overlap N]",
                "                     [--blending gaussian|constant] [--nonfinite zero|refuse] [--overwrite]",
                "       mrisr predict [--model MODEL] --in DIR --out DIR [--factor 2|4] [--jobs N] [--overwrite] ...",
                "         (a folder: every .nii, .nii.gz, .hdr in it into DIR as <name>.nii.gz; existing outputs are",
                "         skipped unless --overwrite; a bad input is one error line and the others go on; exit 2 then;",
                "         --jobs N inputs at once, never more than the Java heap holds)",
                "",
                "Runs the generator over the whole LR volume in overlapping windows (memory bounded by the window,",
                "not the volume), blends the windows and writes SR with shape r*n on the same grid as",
                "`mrisr interpolate` (so degrade -> predict gives back the HR affine).",
                "",
                PredictSetup.FLAGS_HELP,
                CommandFiles.NONFINITE_HELP,
                CommandFiles.OVERWRITE_HELP,
                "",
                "Intensities are normalised with the max of the whole LR volume and mapped back afterwards.",
                "",
                "Peak memory (resident, whole process, /usr/bin/time -v) with the shipped x2 model on a 112x112x76 LR",
                "volume (224x224x152 output), in MiB (two runs differ by up to 110 MiB with the garbage collector):",
                "  " + MEASURED,
                "Most of it is the JVM and ND4J (about 350 MiB) and the volume (about 20 bytes per output voxel,",
                "150 MiB here); the window adds three of its largest activations (x2 shipped model: 64 channels per",
                "LR voxel of the window). --max-memory uses this sum with 450 MiB for the JVM and ND4J, which keeps",
                "every measurement below the estimate.",
                "",
                "SR must end in .nii or .nii.gz; the output path is checked (not the input, absent unless --overwrite)",
                "before the model is loaded. A failed predict leaves no output file and no temporary. Prints one JSON",
                "object on stdout.");
    }

    /** Measured peaks, README "Safety". */
    static final String MEASURED = "window 16: 501-609, 24: 551, 32: 452, 48: 485-573, 64: 511, 96: 801, 128 (one window): 932";

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path in = args.requiredPath("in");
        if (Files.isDirectory(in)) {
            // the batch form: every NIfTI file of the folder, skipping finished outputs (BatchPrediction)
            Path outDir = args.requiredPath("out");
            PredictSetup setup = PredictSetup.parse(args);
            boolean overwrite = args.flag("overwrite");
            int jobs = args.integer("jobs", 1);
            args.rejectUnknownAndPositional();
            return new BatchPrediction(setup, folderJobs(in, outDir), overwrite, jobs).run(out, err);
        }
        Path outFile = args.requiredPath("out");
        PredictSetup setup = PredictSetup.parse(args);
        CommandFiles files = CommandFiles.readingWriting(args, err).inputs(in);
        if (setup.modelFile() != null) {
            files.inputs(Path.of(setup.modelFile()));
        }
        args.rejectUnknownAndPositional();
        files.output(outFile, OutputFile.Kind.NIFTI);
        Volume lr = files.read(in);
        SrModel model = setup.load(err);
        PredictOptions options = setup.optionsFor(lr.shape(), model.config());
        if (setup.maxMemory() > 0) {
            err.println("predict: --max-memory " + setup.maxMemoryText() + ": window " + options.window()
                + " (estimated peak " + PredictMemory.mib(PredictMemory.estimate(lr.shape(), options.window(),
                    model.config())) + ")");
        }
        for (String w : setup.warnings(model, lr, in)) {
            err.println("warning: " + in + ": " + w);
        }
        long t0 = System.nanoTime();
        int[] lastPct = {-1};
        Volume sr = model.predict(lr, options, p -> {
            int pct = (int) (p * 100);
            if (pct / 10 != lastPct[0] / 10) {
                lastPct[0] = pct;
                err.println("predict: " + pct + "%");
            }
        }, () -> false);
        double secs = (System.nanoTime() - t0) / 1e9;
        CommandFiles.write(sr, outFile);
        JsonObject o = new JsonObject();
        o.addProperty("out", outFile.toString());
        o.addProperty("factor", model.factor());
        o.addProperty("upsampling", model.config().method().id());
        JsonArray shape = new JsonArray();
        for (int s : sr.shape()) {
            shape.add(s);
        }
        o.add("shape", shape);
        o.addProperty("seconds", Math.round(secs * 100) / 100.0);
        o.addProperty("lr_voxels_per_second", Math.round(lr.size() / secs));
        out.println(o);
        return Main.OK;
    }

    private static List<BatchPrediction.Job> folderJobs(final Path in, final Path outDir) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InvalidInputException(outDir.toString(), "--in is a folder, so --out must be a folder too, but this "
                + "is a file");
        }
        if (outDir.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
            throw new InvalidInputException(outDir.toString(), "--out is the input folder; choose another folder, the "
                + "results have the inputs' names");
        }
        List<BatchPrediction.Job> jobs = new ArrayList<>();
        for (Path f : NiftiFolder.list(in, false)) {
            jobs.add(new BatchPrediction.Job(f, outDir.resolve(NiftiFolder.stem(f.getFileName().toString()) + ".nii.gz")));
        }
        if (jobs.isEmpty()) {
            throw new InvalidInputException(in.toString(), "no NIfTI files (.nii, .nii.gz, .hdr) in this folder");
        }
        return jobs;
    }
}
