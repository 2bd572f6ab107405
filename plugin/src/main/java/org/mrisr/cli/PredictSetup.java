package org.mrisr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.PredictMemory;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.Contrast;
import org.mrisr.engine.srgan.io.ModelFile;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.volume.Volume;

/**
 * What {@code predict} (one file or a folder) and {@code bids} share, parsed here only: the model (a file, or the
 * one shipped for --factor) and the sliding-window options, with the window --max-memory picks per input.
 *
 * @param modelFile the --model file, or null for the shipped model
 * @param factor    --factor, 0 when not given
 * @param options   --window, --overlap, --blending
 * @param maxMemory --max-memory in bytes, 0 when not given (then {@code options.window()} is used)
 * @param maxMemoryText --max-memory as the user wrote it, for messages
 * @param contrast  --contrast (a {@link Contrast} name), or null: each input's file name says
 */
record PredictSetup(String modelFile, int factor, PredictOptions options, long maxMemory, String maxMemoryText,
        String contrast) {
    static final String FLAGS_HELP = String.join("\n",
            "  --model MODEL   model file from `mrisr train` (default: the model shipped for --factor)",
            "  --factor r      needed without --model; with a model it must match the model's factor",
            "  --window N      window edge in LR voxels (default 48); peak memory grows with it",
            "  --max-memory S  per input, the largest window whose estimated peak fits in S (e.g. 2g, 1500m); exit 2",
            "                  when even the smallest does not fit. Not with --window",
            "  --overlap N     overlap of neighbouring windows in LR voxels (default 8)",
            "  --blending B    gaussian (default, centre-weighted) or constant (plain average)",
            "  --contrast C    the input's contrast (T1w, T2w, FLAIR, PDw, T2starw); default: from the file name",
            "                  (BIDS suffix _T1w, _FLAIR, ... or a token T1, T2, FLAIR, PD split on _ - .). A contrast",
            "                  other than the one model.json records for its training data is warned about");

    /** Reads --model, --factor, --window, --max-memory, --overlap and --blending. */
    static PredictSetup parse(Args args) throws UsageException {
        return parse(args, 0);
    }

    /** As {@link #parse(Args)}, with the factor of the shipped model used when neither --model nor --factor is given. */
    static PredictSetup parse(Args args, int defaultFactor) throws UsageException {
        String modelFile = args.string("model");
        int factor = args.integer("factor", modelFile == null ? defaultFactor : 0);
        PredictOptions d = PredictOptions.defaults();
        boolean windowGiven = args.has("window");
        int window = args.integer("window", d.window());
        long maxMemory = args.size("max-memory");
        int overlap = args.integer("overlap", d.overlap());
        String blending = args.string("blending", "gaussian");
        String contrast = args.has("contrast") ? flagContrast(args.string("contrast")) : null;
        Blending b = switch (blending) {
            case "gaussian" -> Blending.GAUSSIAN;
            case "constant" -> Blending.CONSTANT;
            default -> throw new UsageException("--blending must be gaussian or constant");
        };
        if (windowGiven && maxMemory > 0) {
            throw new UsageException("give --window or --max-memory, not both");
        }
        if (modelFile == null && factor != 2 && factor != 4) {
            throw new UsageException("without --model, give --factor 2 or 4 to use the shipped model");
        }
        return new PredictSetup(modelFile, factor, new PredictOptions(window, overlap, b), maxMemory,
            args.string("max-memory"), contrast);
    }

    /** A --contrast value as recorded (T1w, ...) or unknown; anything else is a usage error. */
    static String flagContrast(String text) throws UsageException {
        try {
            return Contrast.require(text == null ? "" : text, "--contrast");
        } catch (InvalidInputException e) {
            throw new UsageException("--contrast must be one of " + String.join(", ", Contrast.KNOWN) + " or "
                + Contrast.UNKNOWN + ", got '" + text + "'");
        }
    }

    /**
     * What to warn about before predicting {@code in}: the model's checks of the volume (voxel size,
     * intensity profile) and a contrast unlike its training data's (--contrast, else the file name).
     */
    List<String> warnings(SrModel model, Volume lr, Path in) {
        List<String> w = new ArrayList<>(model.inputWarnings(lr));
        String c = contrast != null ? contrast : Contrast.fromFileName(in.toString());
        String how = contrast != null ? "given by --contrast" : "from the file name";
        String cw = InputCheck.contrastWarning(model.info(), c, how);
        if (cw != null) {
            w.add(cw);
        }
        return w;
    }

    /**
     * The options for an input of {@code lrShape}: the parsed ones, or with --max-memory the largest window whose
     * estimated peak of a whole process ({@link PredictMemory#estimate}) fits, its overlap kept below the window.
     */
    PredictOptions optionsFor(int[] lrShape, GeneratorConfig g) {
        if (maxMemory == 0) {
            return options;
        }
        int w = PredictMemory.window(maxMemory, lrShape, g, true);
        return new PredictOptions(w, Math.min(options.overlap(), w / 2), options.blending());
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
