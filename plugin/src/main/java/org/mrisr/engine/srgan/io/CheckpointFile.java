package org.mrisr.engine.srgan.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
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

    private CheckpointFile() {
    }

    /** A checkpoint's header (format fields included) and its arrays by name, in file order. */
    public record Contents(JsonObject header, Map<String, INDArray> arrays) {
    }

    /** Writes atomically; {@code header} gets the format and version fields added. */
    public static void write(Path file, JsonObject header, Map<String, INDArray> arrays)
            throws IOException {
        JsonObject h = new JsonObject();
        h.addProperty("format", FORMAT);
        h.addProperty("formatVersion", VERSION);
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            h.add(e.getKey(), e.getValue());
        }
        WeightsZip.write(file, HEADER, h, arrays);
    }

    /** Reads and checks format and version; errors name the file. */
    public static Contents read(Path file) {
        String src = file.toString();
        WeightsZip.Contents c = WeightsZip.read(file, HEADER, "checkpoint");
        JsonObject h = c.header();
        if (!FORMAT.equals(ConfigJson.string(h, "format", src))) {
            throw new InvalidInputException(src, "not an mrisr training checkpoint (format " + h.get("format") + ")");
        }
        if (ConfigJson.integer(h, "formatVersion", src) != VERSION) {
            throw new InvalidInputException(src, "checkpoint format version " + h.get("formatVersion")
                    + " is not supported by this mrisr (supports " + VERSION + ")");
        }
        return new Contents(h, c.arrays());
    }
}
