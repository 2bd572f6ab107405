package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.patch.Blending;
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
                "usage: mrisr predict [--model MODEL] --in LR --out SR [--factor 2|4] [--window N] [--overlap N]",
                "                     [--blending gaussian|constant]",
                "",
                "Runs the generator over the whole LR volume in overlapping windows (memory bounded by the window,",
                "not the volume), blends the windows and writes SR with shape r*n on the same grid as",
                "`mrisr interpolate` (so degrade -> predict gives back the HR affine).",
                "",
                "  --model MODEL   model file from `mrisr train` (default: the model shipped for --factor)",
                "  --factor r      needed without --model; with a model it must match the model's factor",
                "  --window N      window edge in LR voxels (default 48)",
                "  --overlap N     overlap of neighbouring windows in LR voxels (default 8)",
                "  --blending B    gaussian (default, centre-weighted) or constant (plain average)",
                "",
                "Intensities are normalised with the max of the whole LR volume and mapped back afterwards.",
                "SR must end in .nii or .nii.gz; the output path is checked before the model is loaded. A failed",
                "predict leaves no output file. Prints one JSON object on stdout.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String modelFile = args.string("model");
        Path in = args.requiredPath("in");
        Path outFile = args.requiredPath("out");
        int factor = args.integer("factor", 0);
        PredictOptions d = PredictOptions.defaults();
        int window = args.integer("window", d.window());
        int overlap = args.integer("overlap", d.overlap());
        String blending = args.string("blending", "gaussian");
        args.rejectUnknownAndPositional();
        Blending b = switch (blending) {
            case "gaussian" -> Blending.GAUSSIAN;
            case "constant" -> Blending.CONSTANT;
            default -> throw new UsageException("--blending must be gaussian or constant");
        };
        if (modelFile == null && factor != 2 && factor != 4) {
            throw new UsageException("without --model, give --factor 2 or 4 to use the shipped model");
        }
        PredictOptions options = new PredictOptions(window, overlap, b);
        OutputFile.check(outFile, OutputFile.Kind.NIFTI);
        Volume lr = NiftiReader.read(in);
        CliVolumes.startNd4j(err);
        SrModel model = modelFile != null ? SrModel.load(Path.of(modelFile)) : CliVolumes.defaultModel(factor);
        if (factor != 0 && factor != model.factor()) {
            throw new InvalidFactor(modelFile, model.factor(), factor);
        }
        for (String w : model.inputWarnings(lr)) {
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
        NiftiWriter.write(sr, outFile);
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

    /** --factor contradicts the model. */
    static final class InvalidFactor extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        InvalidFactor(String model, int modelFactor, int asked) {
            super(model == null ? "--model" : model, "model is for x" + modelFactor + " but --factor " + asked + " was given");
        }
    }
}
