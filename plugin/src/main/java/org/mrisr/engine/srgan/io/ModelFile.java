package org.mrisr.engine.srgan.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mrisr.engine.BuildInfo;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads and writes {@code .mrisr} model files (see docs/model-format.md): a zip with
 * {@code model.json} first, then {@code weights/<name>} per generator array in ND4J binary format.
 */
public final class ModelFile {
    public static final String FORMAT = "mrisr-srgan";
    public static final int VERSION = 1;
    static final String HEADER = "model.json";

    private ModelFile() {
    }

    /** Writes atomically (temporary file in the same folder, then a rename). */
    public static void write(Path file, Generator g, ModelInfo info) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        JsonObject h = header(g, info, arrays);
        WeightsZip.write(file, HEADER, h, arrays);
    }

    /** Writes the model to a stream, which stays open. */
    public static void write(OutputStream out, Generator g, ModelInfo info) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        JsonObject h = header(g, info, arrays);
        WeightsZip.write(out, HEADER, h, arrays);
    }

    /** model.json for this generator and info; fills {@code arrays} with the weights in file order. */
    private static JsonObject header(Generator g, ModelInfo info, Map<String, INDArray> arrays) {
        JsonObject h = new JsonObject();
        h.addProperty("format", FORMAT);
        h.addProperty("formatVersion", VERSION);
        h.addProperty("architecture", "srgan-3d-generator");
        h.add("generator", ConfigJson.generator(g.config()));
        h.addProperty("factor", g.config().factor());
        h.addProperty("upsampling", g.config().method().id());
        // method (and percentiles) to fit on each whole LR input; offset/scale are those of a training volume
        JsonObject norm = info.normalisation() == null ? new JsonObject()
                : new JsonParser().parse(info.normalisation().toJson()).getAsJsonObject();
        if (info.normalisation() == null) {
            norm.addProperty("method", Normalizer.HALF_MAX);
        }
        norm.addProperty("fittedOn", "the whole LR volume; outputs are mapped back with the same parameters");
        h.add("normalisation", norm);
        // written only when used, so files of models without it stay as they were
        if (info.cubicResidual()) {
            h.addProperty("residualOver", info.residualOver());
        }
        h.add("degradation", info.degradation());
        h.add("training", info.training());
        h.addProperty("seed", info.seed());
        JsonObject input = new JsonObject();
        if (info.lrVoxelSize() != null) {
            JsonArray vs = new JsonArray();
            for (double v : info.lrVoxelSize()) {
                vs.add(v);
            }
            input.add("lrVoxelSizeMm", vs);
        }
        if (!Double.isNaN(info.lrMeanNormalised())) {
            input.addProperty("lrMeanNormalisedForeground", info.lrMeanNormalised());
        }
        if (info.contrast() != null) {
            input.addProperty("contrast", info.contrast());
        }
        if (info.inputRange() != null) {
            info.inputRange().write(input);
        }
        h.add("trainingInput", input);
        JsonObject libs = new JsonObject();
        libs.addProperty("mrisr", BuildInfo.mrisrVersion());
        libs.addProperty("nd4j", BuildInfo.dl4jVersion());
        h.add("libraries", libs);
        for (Param p : g.params()) {
            arrays.put(p.name(), p.value());
        }
        h.add("weights", ArrayLayout.describe(arrays));
        return h;
    }

    /** A loaded model file. */
    public record Loaded(Generator generator, ModelInfo info, JsonObject header) {
    }

    /** What {@code model.json} says, read without the weights (and without ND4J). */
    public record Summary(GeneratorConfig generator, JsonObject training) {
    }

    /** Reads and validates only the header; {@code src} names the stream in errors. */
    public static Summary readSummary(InputStream in, String src) {
        JsonObject h = WeightsZip.readHeader(in, src, HEADER, "model");
        checkFormat(h, src);
        return new Summary(ConfigJson.generator(ConfigJson.object(h, "generator", src), src),
                ConfigJson.object(h, "training", src));
    }

    /**
     * Reads and validates a model file: its header's sizes are checked against the bounds of
     * {@link GeneratorConfig} and every entry against the header before anything is allocated
     * (docs/model-format.md, Validation on load).
     */
    public static Loaded read(Path file) {
        String src = file.toString();
        return decode(WeightsZip.read(file, HEADER, "model", h -> layout(h, src)), src);
    }

    /** Reads a model from a stream (not closed) in one pass; {@code src} names it in errors. */
    public static Loaded read(InputStream in, String src) {
        return decode(WeightsZip.read(in, src, HEADER, "model", h -> layout(h, src)), src);
    }

    /** The weight entries the header allows: its list, which must hold exactly what its generator stores. */
    private static ArrayLayout layout(JsonObject h, String src) {
        checkFormat(h, src);
        GeneratorConfig gc = ConfigJson.generator(ConfigJson.object(h, "generator", src), src);
        ArrayLayout layout = ArrayLayout.listed(h, "weights", src, gc.storedValueCount());
        if (layout.listedValues() != gc.storedValueCount()) {
            throw new InvalidInputException(src, "field 'weights' lists " + layout.listedValues() + " values, but the"
                    + " generator it describes stores " + gc.storedValueCount());
        }
        return layout;
    }

    private static void checkFormat(JsonObject h, String src) {
        String format = h.has("format") && h.get("format").isJsonPrimitive() ? h.get("format").getAsString() : null;
        if (!FORMAT.equals(format)) {
            throw new InvalidInputException(src, "not an mrisr model (format '" + format + "', expected '" + FORMAT + "')");
        }
        int version = ConfigJson.integer(h, "formatVersion", src);
        if (version != VERSION) {
            throw new InvalidInputException(src, "model format version " + version + " is not supported (this mrisr reads "
                    + VERSION + "); use a matching mrisr version");
        }
    }

    private static Loaded decode(WeightsZip.Contents c, String src) {
        JsonObject h = c.header();
        checkFormat(h, src);
        GeneratorConfig gc = ConfigJson.generator(ConfigJson.object(h, "generator", src), src);
        Generator g = new Generator(gc, 0);
        Map<String, INDArray> left = new LinkedHashMap<>(c.arrays());
        for (Param p : g.params()) {
            assign(src, p.name(), p.value(), left.remove(p.name()));
        }
        if (!left.isEmpty()) {
            throw new InvalidInputException(src, "unexpected weights " + left.keySet() + " for a "
                    + gc.method().id() + " x" + gc.factor() + " generator");
        }
        JsonObject input = h.has("trainingInput") && h.get("trainingInput").isJsonObject()
                ? h.getAsJsonObject("trainingInput") : new JsonObject();
        double[] vs = input.has("lrVoxelSizeMm") ? voxelSize(input.get("lrVoxelSizeMm"), src) : null;
        double mean = input.has("lrMeanNormalisedForeground")
                ? ConfigJson.number(input, "lrMeanNormalisedForeground", src) : Double.NaN;
        JsonObject norm = ConfigJson.object(h, "normalisation", src);
        String method = ConfigJson.string(norm, "method", src);
        if (!List.of(Normalizer.HALF_MAX, Normalizer.ROBUST_MAX, Normalizer.MIN_MAX, Normalizer.PERCENTILE).contains(method)) {
            throw new InvalidInputException(src, "normalisation method '" + method + "' is unknown; this mrisr knows "
                    + Normalizer.HALF_MAX + ", " + Normalizer.ROBUST_MAX + ", " + Normalizer.MIN_MAX + " and "
                    + Normalizer.PERCENTILE + " (a newer mrisr wrote the file?)");
        }
        NormalizationParams np = null;
        if (norm.has("offset")) {
            try {
                np = NormalizationParams.fromJson(norm.toString(), src + " (normalisation)");
            } catch (InvalidInputException e) {
                // the record's own checks (finite offset, positive scale) name no file
                throw e.getMessage().startsWith(src) ? e : new InvalidInputException(src, e.getMessage());
            }
        } else if (!Normalizer.HALF_MAX.equals(ConfigJson.string(norm, "method", src))) {
            throw new InvalidInputException(src, "normalisation " + norm.get("method") + " without parameters");
        }
        String residual = h.has("residualOver") ? ConfigJson.string(h, "residualOver", src) : ModelInfo.NO_RESIDUAL;
        if (!ModelInfo.NO_RESIDUAL.equals(residual) && !ModelInfo.CUBIC_RESIDUAL.equals(residual)) {
            throw new InvalidInputException(src, "field 'residualOver' is '" + residual + "'; this mrisr knows '"
                    + ModelInfo.NO_RESIDUAL + "' and '" + ModelInfo.CUBIC_RESIDUAL + "' (a newer mrisr wrote the file?)");
        }
        // files written before the field, the shipped models among them, record no contrast (null)
        String contrast = input.has("contrast")
                ? Contrast.read(input.get("contrast"), src) : null;
        ModelInfo info = new ModelInfo(ConfigJson.object(h, "degradation", src), ConfigJson.object(h, "training", src),
                ConfigJson.longValue(h, "seed", src), vs, mean, np, residual, contrast, InputRange.read(input, src));
        return new Loaded(g, info, h);
    }

    private static double[] voxelSize(JsonElement e, String src) {
        JsonArray a = e.isJsonArray() ? e.getAsJsonArray() : null;
        if (a == null || a.size() != 3) {
            throw new InvalidInputException(src, "field 'trainingInput.lrVoxelSizeMm' must be a list of 3 numbers");
        }
        double[] vs = new double[3];
        for (int i = 0; i < 3; i++) {
            vs[i] = ConfigJson.number(a.get(i), "trainingInput.lrVoxelSizeMm[" + i + "]", src);
        }
        return vs;
    }

    /** Copies a loaded array into a parameter after checking it exists, has the right shape and is finite. */
    public static void assign(String src, String name, INDArray target, INDArray loaded) {
        if (loaded == null) {
            throw new InvalidInputException(src, "missing weights '" + name + "' (truncated or incompatible file)");
        }
        if (!Arrays.equals(target.shape(), loaded.shape())) {
            throw new InvalidInputException(src, "weights '" + name + "' have shape " + Arrays.toString(loaded.shape())
                    + ", the architecture needs " + Arrays.toString(target.shape()));
        }
        if (!loaded.dataType().isFPType()) {
            throw new InvalidInputException(src, "weights '" + name + "' are " + loaded.dataType() + ", expected FLOAT");
        }
        if (loaded.isNaN().any() || loaded.isInfinite().any()) {
            throw new InvalidInputException(src, "weights '" + name + "' contain NaN or infinite values");
        }
        target.assign(loaded);
    }

}
