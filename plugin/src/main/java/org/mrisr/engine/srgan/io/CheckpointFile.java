package org.mrisr.engine.srgan.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads and writes training checkpoints (see docs/model-format.md): the same zip container as model
 * files, with {@code checkpoint.json} first (format, version and whatever the trainer records) and
 * one {@code weights/<name>} entry per array. What the header and arrays mean is the trainer's
 * business; this class owns the container and its format/version check.
 */
public final class CheckpointFile {
    public static final String FORMAT = "mrisr-srgan-checkpoint";
    public static final int VERSION = 1;
    static final String HEADER = "checkpoint.json";
    /** The header's list of arrays ({@code [{name, shape}, …]}, in file order). */
    static final String ARRAYS = "arrays";
    /** Largest batch (the SRGAN Learner's own limit; the paper uses 2). */
    public static final int MAX_BATCH = 1024;
    /** Largest batch of HR patches in voxels: 512 MiB as float32 (the paper's: 3 M). */
    public static final long MAX_BATCH_VOXELS = 1L << 27;

    private CheckpointFile() {
    }

    /** A checkpoint's header (format fields included) and its arrays by name, in file order. */
    public record Contents(JsonObject header, Map<String, INDArray> arrays) {
    }

    /** Writes atomically; {@code header} gets the format and version fields and the list of arrays added. */
    public static void write(Path file, JsonObject header, Map<String, INDArray> arrays)
            throws IOException {
        JsonObject h = new JsonObject();
        h.addProperty("format", FORMAT);
        h.addProperty("formatVersion", VERSION);
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            h.add(e.getKey(), e.getValue());
        }
        h.add(ARRAYS, ArrayLayout.describe(arrays));
        WeightsZip.write(file, HEADER, h, arrays);
    }

    /**
     * Reads and checks format, version and every size in the header (generator, discriminator,
     * batch) before any array is read, then each array entry against the header; errors name the file.
     */
    public static Contents read(Path file) {
        String src = file.toString();
        WeightsZip.Contents c = WeightsZip.read(file, HEADER, "checkpoint", h -> layout(h, src));
        return new Contents(c.header(), c.arrays());
    }

    /**
     * The arrays a checkpoint may hold: generator and discriminator values (weights, BN statistics)
     * and Adam's two moments per trainable value, so at most three times what the two networks store;
     * listed in the header since mrisr wrote the list (older checkpoints: bounded in total only).
     */
    private static ArrayLayout layout(JsonObject h, String src) {
        if (!FORMAT.equals(ConfigJson.string(h, "format", src))) {
            throw new InvalidInputException(src, "not an mrisr training checkpoint (format " + h.get("format") + ")");
        }
        if (ConfigJson.integer(h, "formatVersion", src) != VERSION) {
            throw new InvalidInputException(src, "checkpoint format version " + h.get("formatVersion")
                    + " is not supported by this mrisr (supports " + VERSION + ")");
        }
        GeneratorConfig g = ConfigJson.generator(ConfigJson.object(h, "generator", src), src);
        DiscriminatorConfig d = ConfigJson.discriminator(ConfigJson.object(h, "discriminator", src), src);
        int batch = ConfigJson.integer(ConfigJson.object(h, "training", src), "batchSize", src);
        long hrBatch = (long) batch * d.patchX() * d.patchY() * d.patchZ();
        if (batch < 1 || batch > MAX_BATCH || hrBatch > MAX_BATCH_VOXELS) {
            throw new InvalidInputException(src, "field 'training.batchSize' = " + batch + " is out of range: 1.."
                    + MAX_BATCH + " and at most " + MAX_BATCH_VOXELS + " HR voxels per batch (the paper: 2 patches of "
                    + "128x128x92; see docs/model-format.md, Bounds)");
        }
        long max = 3 * (g.storedValueCount() + d.storedValueCount());
        return h.has(ARRAYS) ? ArrayLayout.listed(h, ARRAYS, src, max) : ArrayLayout.unlisted(max);
    }
}
