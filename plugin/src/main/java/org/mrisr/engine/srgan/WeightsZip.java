package org.mrisr.engine.srgan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.mrisr.engine.InvalidInputException;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The container shared by model files and checkpoints: a zip whose FIRST entry is a JSON header
 * and whose other entries are {@code weights/<name>}, each one array in ND4J's binary format
 * ({@code Nd4j.write}). Zip's per-entry CRC catches corruption; the caller validates names and
 * shapes against the architecture the header describes.
 */
final class WeightsZip {
    static final String WEIGHTS = "weights/";

    private WeightsZip() {
    }

    /** A parsed file: its header and its arrays by name (detached, in file order). */
    record Contents(JsonObject header, Map<String, INDArray> arrays) {
    }

    /** Writes atomically (temporary file in the same folder, then a move). */
    static void write(Path file, String headerName, JsonObject header, Map<String, INDArray> arrays) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // not Files.createTempFile: its owner-only permissions would survive the rename
        Path tmp = (dir == null ? Path.of(".") : dir).resolve("." + file.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16);
                    ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.setLevel(1);
                zip.putNextEntry(new ZipEntry(headerName));
                zip.write(header.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(WEIGHTS + e.getKey()));
                    DataOutputStream out = new DataOutputStream(zip);
                    Nd4j.write(e.getValue(), out);
                    out.flush();
                    zip.closeEntry();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a file written by {@link #write}; every failure is an {@link InvalidInputException}
     * naming the file and saying what is wrong.
     */
    static Contents read(Path file, String headerName, String what) {
        String src = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(src, "no such " + what + " file");
        }
        JsonObject header = null;
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                ZipInputStream zip = new ZipInputStream(is);
                MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            ZipEntry e = zip.getNextEntry();
            if (e == null) {
                throw new InvalidInputException(src, "not an mrisr " + what + " (not a zip file, or empty)");
            }
            if (!e.getName().equals(headerName)) {
                throw new InvalidInputException(src, "not an mrisr " + what + " (first entry is '" + e.getName()
                        + "', expected '" + headerName + "')");
            }
            String json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            try {
                header = new JsonParser().parse(json).getAsJsonObject();
            } catch (RuntimeException ex) {
                throw new InvalidInputException(src, headerName + " is not valid JSON: " + ex.getMessage());
            }
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.startsWith(WEIGHTS)) {
                    throw new InvalidInputException(src, "unexpected entry '" + name + "'");
                }
                INDArray a;
                try {
                    a = Nd4j.read(new DataInputStream(zip));
                    // drain to the end so the zip CRC of the entry is verified
                    while (zip.read() >= 0) {
                        // nothing
                    }
                } catch (ZipException ex) {
                    throw ex;
                } catch (RuntimeException ex) {
                    throw new InvalidInputException(src, "entry '" + name + "' is not a readable ND4J array: " + ex.getMessage());
                }
                arrays.put(name.substring(WEIGHTS.length()), a);
            }
        } catch (ZipException ex) {
            throw new InvalidInputException(src, "corrupt " + what + " file (" + ex.getMessage() + ")");
        } catch (java.io.EOFException ex) {
            throw new InvalidInputException(src, "truncated " + what + " file (unexpected end)");
        } catch (IOException ex) {
            throw new InvalidInputException(src, "cannot read " + what + " file: " + ex.getMessage());
        }
        return new Contents(header, arrays);
    }
}
