package org.mrisr.engine.srgan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

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

    public static void write(Path file, Generator g, ModelInfo info) throws IOException {
        JsonObject h = new JsonObject();
        h.addProperty("format", FORMAT);
        h.addProperty("formatVersion", VERSION);
        h.addProperty("architecture", "srgan-3d-generator");
        h.add("generator", ConfigJson.generator(g.config()));
        h.addProperty("factor", g.config().factor());
        h.addProperty("upsampling", g.config().method().id());
        // method (and percentiles) to fit on each whole LR input; offset/scale are those of a training volume
        JsonObject norm = info.normalisation() == null ? new JsonObject()
                : new com.google.gson.JsonParser().parse(info.normalisation().toJson()).getAsJsonObject();
        if (info.normalisation() == null) {
            norm.addProperty("method", org.mrisr.engine.ops.Normalizer.HALF_MAX);
        }
        norm.addProperty("fittedOn", "the whole LR volume; outputs are mapped back with the same parameters");
        h.add("normalisation", norm);
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
        h.add("trainingInput", input);
        JsonObject libs = new JsonObject();
        libs.addProperty("mrisr", org.mrisr.engine.BuildInfo.mrisrVersion());
        libs.addProperty("nd4j", org.mrisr.engine.BuildInfo.dl4jVersion());
        h.add("libraries", libs);
        JsonArray names = new JsonArray();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (org.mrisr.engine.nn.Param p : g.params()) {
            JsonObject e = new JsonObject();
            e.addProperty("name", p.name());
            JsonArray shape = new JsonArray();
            for (long s : p.value().shape()) {
                shape.add(s);
            }
            e.add("shape", shape);
            names.add(e);
            arrays.put(p.name(), p.value().dataType() == DataType.FLOAT ? p.value() : p.value().castTo(DataType.FLOAT));
        }
        h.add("weights", names);
        WeightsZip.write(file, HEADER, h, arrays);
    }

    /** A loaded model file. */
    public record Loaded(Generator generator, ModelInfo info, JsonObject header) {
    }

    public static Loaded read(Path file) {
        String src = file.toString();
        WeightsZip.Contents c = WeightsZip.read(file, HEADER, "model");
        JsonObject h = c.header();
        String format = h.has("format") && h.get("format").isJsonPrimitive() ? h.get("format").getAsString() : null;
        if (!FORMAT.equals(format)) {
            throw new InvalidInputException(src, "not an mrisr model (format '" + format + "', expected '" + FORMAT + "')");
        }
        int version = ConfigJson.integer(h, "formatVersion", src);
        if (version != VERSION) {
            throw new InvalidInputException(src, "model format version " + version + " is not supported (this mrisr reads "
                    + VERSION + "); use a matching mrisr version");
        }
        GeneratorConfig gc = ConfigJson.generator(ConfigJson.object(h, "generator", src), src);
        Generator g = new Generator(gc, 0);
        Map<String, INDArray> left = new LinkedHashMap<>(c.arrays());
        for (org.mrisr.engine.nn.Param p : g.params()) {
            assign(src, p.name(), p.value(), left.remove(p.name()));
        }
        if (!left.isEmpty()) {
            throw new InvalidInputException(src, "unexpected weights " + left.keySet() + " for a "
                    + gc.method().id() + " x" + gc.factor() + " generator");
        }
        JsonObject input = h.has("trainingInput") && h.get("trainingInput").isJsonObject()
                ? h.getAsJsonObject("trainingInput") : new JsonObject();
        double[] vs = null;
        if (input.has("lrVoxelSizeMm")) {
            JsonArray a = input.getAsJsonArray("lrVoxelSizeMm");
            vs = new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble()};
        }
        double mean = input.has("lrMeanNormalisedForeground") ? input.get("lrMeanNormalisedForeground").getAsDouble()
                : Double.NaN;
        JsonObject norm = ConfigJson.object(h, "normalisation", src);
        org.mrisr.engine.ops.NormalizationParams np = null;
        if (norm.has("offset")) {
            np = org.mrisr.engine.ops.NormalizationParams.fromJson(norm.toString(), src + " (normalisation)");
        } else if (!org.mrisr.engine.ops.Normalizer.HALF_MAX.equals(ConfigJson.string(norm, "method", src))) {
            throw new InvalidInputException(src, "normalisation " + norm.get("method") + " without parameters");
        }
        ModelInfo info = new ModelInfo(ConfigJson.object(h, "degradation", src), ConfigJson.object(h, "training", src),
                ConfigJson.longValue(h, "seed", src), vs, mean, np);
        return new Loaded(g, info, h);
    }

    /** Copies a loaded array into a parameter after checking it exists, has the right shape and is finite. */
    static void assign(String src, String name, INDArray target, INDArray loaded) {
        if (loaded == null) {
            throw new InvalidInputException(src, "missing weights '" + name + "' (truncated or incompatible file)");
        }
        if (!java.util.Arrays.equals(target.shape(), loaded.shape())) {
            throw new InvalidInputException(src, "weights '" + name + "' have shape " + java.util.Arrays.toString(loaded.shape())
                    + ", the architecture needs " + java.util.Arrays.toString(target.shape()));
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
