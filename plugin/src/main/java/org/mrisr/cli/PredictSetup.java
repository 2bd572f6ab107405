package org.mrisr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelFile;

/**
 * What {@code predict} and {@code bids} share: the model (a file, or the one shipped for --factor) and the
 * sliding-window options.
 *
 * @param modelFile the --model file, or null for the shipped model
 * @param factor    --factor, 0 when not given
 */
record PredictSetup(String modelFile, int factor, PredictOptions options) {
    static final String FLAGS_HELP = String.join("\n",
            "  --model MODEL   model file from `mrisr train` (default: the model shipped for --factor)",
            "  --factor r      needed without --model; with a model it must match the model's factor",
            "  --window N      window edge in LR voxels (default 48)",
            "  --overlap N     overlap of neighbouring windows in LR voxels (default 8)",
            "  --blending B    gaussian (default, centre-weighted) or constant (plain average)");

    /** Reads --model, --factor, --window, --overlap and --blending. */
    static PredictSetup parse(Args args) throws UsageException {
        return parse(args, 0);
    }

    /** As {@link #parse(Args)}, with the factor of the shipped model used when neither --model nor --factor is given. */
    static PredictSetup parse(Args args, int defaultFactor) throws UsageException {
        String modelFile = args.string("model");
        int factor = args.integer("factor", modelFile == null ? defaultFactor : 0);
        PredictOptions d = PredictOptions.defaults();
        int window = args.integer("window", d.window());
        int overlap = args.integer("overlap", d.overlap());
        String blending = args.string("blending", "gaussian");
        Blending b = switch (blending) {
            case "gaussian" -> Blending.GAUSSIAN;
            case "constant" -> Blending.CONSTANT;
            default -> throw new UsageException("--blending must be gaussian or constant");
        };
        if (modelFile == null && factor != 2 && factor != 4) {
            throw new UsageException("without --model, give --factor 2 or 4 to use the shipped model");
        }
        return new PredictSetup(modelFile, factor, new PredictOptions(window, overlap, b));
    }

    /** The model's factor, from its header when a file is given (no ND4J, no weights). */
    int modelFactor() throws IOException {
        if (modelFile == null) {
            return factor;
        }
        Path file = Path.of(modelFile);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(modelFile, "no such model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ModelFile.readSummary(in, modelFile).generator().factor();
        }
    }

    /** Starts ND4J (once per JVM) and loads the model. */
    SrModel load(PrintStream err) {
        CliVolumes.startNd4j(err);
        return loadModel();
    }

    /**
     * A new instance of the model (after {@link #load}): parallel jobs each need their own, since predictions on
     * one model run one at a time.
     */
    SrModel loadModel() {
        SrModel model = modelFile != null ? SrModel.load(Path.of(modelFile)) : CliVolumes.defaultModel(factor);
        if (factor != 0 && factor != model.factor()) {
            throw new InvalidFactor(modelFile, model.factor(), factor);
        }
        return model;
    }

    /** --factor contradicts the model. */
    static final class InvalidFactor extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        InvalidFactor(String model, int modelFactor, int asked) {
            super(model == null ? "--model" : model, "model is for x" + modelFactor + " but --factor " + asked + " was given");
        }
    }
}
