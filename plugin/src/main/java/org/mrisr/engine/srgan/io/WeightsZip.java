package org.mrisr.engine.srgan.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                write(os, headerName, header, arrays);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the zip to a stream and finishes it; the stream stays open (it may be a KNIME port's). */
    static void write(OutputStream os, String headerName, JsonObject header, Map<String, INDArray> arrays)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(os));
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
        zip.finish();
        zip.flush();
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
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(is, src, headerName, what);
        } catch (IOException ex) {
            throw new InvalidInputException(src, "cannot read " + what + " file: " + ex.getMessage());
        }
    }

    /** Reads the zip from a stream (not closed); {@code src} names it in errors. */
    static Contents read(InputStream is, String src, String headerName, String what) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new NonClosingInputStream(is));
                MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            JsonObject header = header(zip, src, headerName, what);
            ZipEntry e;
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
            return new Contents(header, arrays);
        } catch (ZipException ex) {
            throw new InvalidInputException(src, "corrupt " + what + " file (" + ex.getMessage() + ")");
        } catch (EOFException ex) {
            throw new InvalidInputException(src, "truncated " + what + " file (unexpected end)");
        } catch (IOException ex) {
            throw new InvalidInputException(src, "cannot read " + what + " file: " + ex.getMessage());
        }
    }

    /** Reads only the header, the first entry (no weights, no ND4J); the stream is not closed. */
    static JsonObject readHeader(InputStream is, String src, String headerName, String what) {
        try (ZipInputStream zip = new ZipInputStream(new NonClosingInputStream(is))) {
            return header(zip, src, headerName, what);
        } catch (ZipException ex) {
            throw new InvalidInputException(src, "corrupt " + what + " file (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new InvalidInputException(src, "cannot read " + what + " file: " + ex.getMessage());
        }
    }

    private static JsonObject header(ZipInputStream zip, String src, String headerName, String what) throws IOException {
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
            return new JsonParser().parse(json).getAsJsonObject();
        } catch (RuntimeException ex) {
            throw new InvalidInputException(src, headerName + " is not valid JSON: " + ex.getMessage());
        }
    }

    /** Lets a zip stream be closed without closing the caller's stream. */
    private static final class NonClosingInputStream extends FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }

    /** Lets a zip stream be finished without closing the caller's stream. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
