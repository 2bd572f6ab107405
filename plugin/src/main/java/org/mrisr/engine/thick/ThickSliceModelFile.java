package org.mrisr.engine.thick;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads and writes a per-scan thick-slice model: a zip with {@value #HEADER} (format, factor, slice
 * profile, network size, the parameter names and shapes in file order, normalisation, training) and
 * {@value #WEIGHTS} (every parameter as little-endian float32, in that order). Separate from SRGAN
 * model files on purpose: a different network for a different task.
 */
public final class ThickSliceModelFile {
    public static final String FORMAT = "mrisr-thick-slice";
    public static final int VERSION = 1;
    static final String HEADER = "thick-slice.json";
    static final String WEIGHTS = "weights.bin";

    private ThickSliceModelFile() {
    }

    /** Writes atomically (a temporary file in the same folder, then a rename). */
    public static void write(Path file, ThickSliceModel m) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".thick-slice", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(os, m);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the model to a stream, which stays open. */
    public static void write(OutputStream os, ThickSliceModel m) throws IOException {
        List<Param> params = m.net().trainable();
        JsonObject h = new JsonObject();
        h.addProperty("format", FORMAT);
        h.addProperty("formatVersion", VERSION);
        h.addProperty("factor", m.factor());
        JsonObject profile = new JsonObject();
        profile.addProperty("shape", m.profile().shape().label());
        profile.addProperty("fwhmFineVoxels", m.profile().fwhmVoxels());
        h.add("sliceProfile", profile);
        JsonObject net = new JsonObject();
        net.addProperty("architecture", "2d-residual-cnn");
        net.addProperty("channels", m.channels());
        net.addProperty("depth", m.depth());
        JsonArray names = new JsonArray();
        for (Param p : params) {
            JsonObject o = new JsonObject();
            o.addProperty("name", p.name());
            JsonArray shape = new JsonArray();
            for (long s : p.value().shape()) {
                shape.add(s);
            }
            o.add("shape", shape);
            names.add(o);
        }
        net.add("parameters", names);
        h.add("network", net);
        JsonObject norm = new JsonObject();
        norm.addProperty("method", "percentile");
        norm.addProperty("lowPercentile", ThickSliceModel.LOW_PERCENTILE);
        norm.addProperty("highPercentile", ThickSliceModel.HIGH_PERCENTILE);
        norm.addProperty("fittedOn", "each input scan, to [-1, 1]; outputs are mapped back with the same parameters");
        h.add("normalisation", norm);
        JsonObject t = new JsonObject();
        t.addProperty("steps", m.training().steps());
        t.addProperty("seconds", m.training().seconds());
        if (Double.isFinite(m.training().loss())) {
            t.addProperty("loss", m.training().loss());
        }
        t.addProperty("stopped", m.training().stopped());
        h.add("training", t);

        ZipOutputStream zip = new ZipOutputStream(os); // finished, not closed: the stream stays open
        zip.putNextEntry(new ZipEntry(HEADER));
        zip.write(h.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(WEIGHTS));
        for (Param p : params) {
            float[] v = p.value().castTo(DataType.FLOAT).dup('c').data().asFloat();
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            zip.write(b.array());
        }
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    public static ThickSliceModel read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (InputStream is = Files.newInputStream(file)) {
            return read(is, file.toString());
        }
    }

    /** Reads a model from a stream; {@code source} names it in errors. */
    public static ThickSliceModel read(InputStream is, String source) throws IOException {
        JsonObject h = null;
        byte[] weights = null;
        try (ZipInputStream zip = new ZipInputStream(is)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(HEADER)) {
                    h = new JsonParser().parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
                } else if (e.getName().equals(WEIGHTS)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    zip.transferTo(bytes);
                    weights = bytes.toByteArray();
                }
            }
        } catch (ZipException | JsonParseException | IllegalStateException e) {
            throw new InvalidInputException(source, "not a thick-slice model file (" + e.getMessage() + ")");
        }
        if (h == null || weights == null) {
            throw new InvalidInputException(source, "not a thick-slice model file: it lacks " + (h == null ? HEADER : WEIGHTS));
        }
        try {
            if (!FORMAT.equals(h.get("format").getAsString())) {
                throw new InvalidInputException(source, "format '" + h.get("format").getAsString() + "' is not " + FORMAT
                        + " (an SRGAN model? use it with `mrisr predict`)");
            }
            int version = h.get("formatVersion").getAsInt();
            if (version > VERSION) {
                throw new InvalidInputException(source, "format version " + version + " is newer than this mrisr reads ("
                        + VERSION + "); update mrisr");
            }
            int factor = h.get("factor").getAsInt();
            if (factor < 2 || factor > ThickGeometry.MAX_FACTOR) {
                throw new InvalidInputException(source, "factor " + factor + " is outside 2.." + ThickGeometry.MAX_FACTOR);
            }
            JsonObject net = h.getAsJsonObject("network");
            SliceNet sn = new SliceNet(net.get("channels").getAsInt(), net.get("depth").getAsInt(), 0);
            ByteBuffer b = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
            for (Param p : sn.trainable()) {
                float[] v = new float[(int) p.value().length()];
                if (b.remaining() < 4 * v.length) {
                    throw new InvalidInputException(source, WEIGHTS + " is too short for the network it describes");
                }
                b.asFloatBuffer().get(v);
                b.position(b.position() + 4 * v.length);
                INDArray a = Nd4j.create(v, p.value().shape(), 'c');
                p.value().assign(a);
            }
            if (b.remaining() != 0) {
                throw new InvalidInputException(source, WEIGHTS + " has " + b.remaining() + " bytes more than the network needs");
            }
            JsonObject prof = h.getAsJsonObject("sliceProfile");
            SliceProfile profile = new SliceProfile(SliceProfile.Shape.parse(prof.get("shape").getAsString(), source),
                    prof.get("fwhmFineVoxels").getAsDouble());
            JsonObject t = h.getAsJsonObject("training");
            ThickSliceModel.Training training = new ThickSliceModel.Training(t.get("steps").getAsLong(),
                    t.get("seconds").getAsDouble(), t.has("loss") ? t.get("loss").getAsDouble() : Double.NaN,
                    t.get("stopped").getAsBoolean());
            return new ThickSliceModel(sn, factor, profile, training);
        } catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new InvalidInputException(source, "thick-slice model header is incomplete or malformed (" + e + ")");
        }
    }
}
