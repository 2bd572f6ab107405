package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;
import org.mrisr.engine.nifti.NiftiFolder;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code ./mrisr predict}: super-resolves a whole LR volume patch-wise with a trained model, or every NIfTI file
 * of a folder as a batch ({@link BatchPrediction}).
 */
final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "super-resolve an LR volume (or a folder of them) with a trained (or the shipped) SRGAN model";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr predict [--model MODEL] --in LR --out SR [--factor 2|4] [--window N] [--overlap N]",
                "                     [--blending gaussian|constant]",
                "       mrisr predict [--model MODEL] --in DIR --out DIR [--factor 2|4] [--jobs N] [--overwrite] ...",
                "",
                "Runs the generator over the whole LR volume in overlapping windows (memory bounded by the window,",
                "not the volume), blends the windows and writes SR with shape r*n on the same grid as",
                "`mrisr interpolate` (so degrade -> predict gives back the HR affine).",
                "",
                PredictSetup.FLAGS_HELP,
                "",
                "Intensities are normalised with the max of the whole LR volume and mapped back afterwards.",
                "SR must end in .nii or .nii.gz; the output path is checked before the model is loaded. A failed",
                "predict leaves no output file. Prints one JSON object on stdout.",
                "",
                "With a folder as --in, every .nii, .nii.gz and .hdr file in it (not its subfolders) is super-resolved",
                "into --out (created if missing) as <name>.nii.gz, <name> the input's name without extension:",
                "",
                "  --jobs N        inputs predicted at once (default 1), never more than the Java heap holds: each",
                "                  input's need is estimated from its header (about 160 bytes per LR voxel at x2)",
                "  --overwrite     redo outputs that exist (default: skip them, so a rerun finishes an interrupted batch)",
                "",
                "Each output is written to a hidden temporary file and renamed when complete. A bad input is reported",
                "on one line `error: <file>: <problem>` and the others go on; a summary line follows on stderr, the",
                "lists of written, skipped and failed files as JSON on stdout; exit 2 when an input was bad.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path in = args.requiredPath("in");
        Path outPath = args.requiredPath("out");
        PredictSetup setup = PredictSetup.parse(args);
        if (Files.isDirectory(in)) {
            boolean overwrite = args.flag("overwrite");
            int jobs = args.integer("jobs", 1);
            args.rejectUnknownAndPositional();
            return new BatchPrediction(setup, folderJobs(in, outPath), overwrite, jobs).run(out, err);
        }
        args.rejectUnknownAndPositional();
        OutputFile.check(outPath, OutputFile.Kind.NIFTI);
        Volume lr = NiftiReader.read(in);
        SrModel model = setup.load(err);
        for (String w : model.inputWarnings(lr)) {
            err.println("warning: " + in + ": " + w);
        }
        long t0 = System.nanoTime();
        int[] lastPct = {-1};
        Volume sr = model.predict(lr, setup.options(), p -> {
            int pct = (int) (p * 100);
            if (pct / 10 != lastPct[0] / 10) {
                lastPct[0] = pct;
                err.println("predict: " + pct + "%");
            }
        }, () -> false);
        double secs = (System.nanoTime() - t0) / 1e9;
        NiftiWriter.write(sr, outPath);
        JsonObject o = new JsonObject();
        o.addProperty("out", outPath.toString());
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

    /** Every NIfTI file of the folder into {@code outDir} as {@code <stem>.nii.gz}. */
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
