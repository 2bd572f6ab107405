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
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.TemporaryFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The container shared by model files and checkpoints: a zip whose FIRST entry is a JSON header
 * and whose other entries are {@code weights/<name>}, each one array in ND4J's binary format
 * ({@code Nd4j.write}). Reading is bounded throughout, since files arrive from anywhere: the header
 * is capped ({@link #MAX_HEADER}); the caller turns it into an {@link ArrayLayout} (checking every
 * size) before any entry is read; each entry's name, order and declared shape are checked before
 * its data, and it must hold exactly the bytes that shape needs; so nothing inflates past what the
 * architecture needs. Zip's per-entry CRC catches corruption.
 */
final class WeightsZip {
    static final String WEIGHTS = "weights/";
    /** Cap on the header entry's inflated size: a real one is about 5 KB. */
    static final int MAX_HEADER = 1 << 20;
    /** Deepest JSON nesting a header may have (a real one: 4). */
    static final int MAX_DEPTH = 32;

    private WeightsZip() {
    }

    /** A parsed file: its header and its arrays by name (detached, in file order). */
    record Contents(JsonObject header, Map<String, INDArray> arrays) {
    }

    /** Writes atomically (through a {@link TemporaryFile} in the same folder, then a move). */
    static void write(Path file, String headerName, JsonObject header, Map<String, INDArray> arrays) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        TemporaryFile.write(file, tmp -> {
            try (OutputStream os = new BufferedOutputStream(tmp.stream(), 1 << 16)) {
                write(os, headerName, header, arrays);
            }
        });
    }

    /** Writes the zip to a stream and finishes it; the stream stays open (it may be a KNIME port's). */
    static void write(OutputStream os, String headerName, JsonObject header, Map<String, INDArray> arrays)
            throws IOException {
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        if (json.length > MAX_HEADER) {
            // refuse now rather than write a file no reader accepts
            throw new IOException(headerName + " would be " + json.length + " bytes, over the " + MAX_HEADER
                    + " readers accept");
        }
        ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(os));
        zip.setLevel(1);
        zip.putNextEntry(new ZipEntry(headerName));
        zip.write(json);
        zip.closeEntry();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(WEIGHTS + e.getKey()));
            DataOutputStream out = new DataOutputStream(zip);
            INDArray a = e.getValue();
            // readers accept float32 only (ArrayEntry)
            Nd4j.write(a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT), out);
            out.flush();
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * Reads a file written by {@link #write}: first a pass that checks every entry without keeping
     * anything (no allocation, no ND4J), then the pass that reads the arrays; so a refused file costs
     * only its inflation, however large the architecture its header claims. {@code layout} turns the
     * parsed header into what the entries must be (it checks the header and may refuse it). Every
     * failure is an {@link InvalidInputException} naming the file and saying what is wrong.
     */
    static Contents read(Path file, String headerName, String what, Function<JsonObject, ArrayLayout> layout) {
        String src = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(src, "no such " + what + " file");
        }
        for (boolean keep : new boolean[] {false, true}) {
            try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                Contents c = read(is, src, headerName, what, layout, keep);
                if (keep) {
                    return c;
                }
            } catch (IOException ex) {
                throw new InvalidInputException(src, "cannot read " + what + " file: " + ex.getMessage());
            }
        }
        throw new IllegalStateException();
    }

    /** Reads the zip from a stream (not closed) in one pass; {@code src} names it in errors. */
    static Contents read(InputStream is, String src, String headerName, String what,
            Function<JsonObject, ArrayLayout> layout) {
        return read(is, src, headerName, what, layout, true);
    }

    private static Contents read(InputStream is, String src, String headerName, String what,
            Function<JsonObject, ArrayLayout> layoutOf, boolean keep) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        String entry = headerName;
        try (ZipInputStream zip = new ZipInputStream(new NonClosingInputStream(is))) {
            JsonObject header = header(zip, src, headerName, what);
            ArrayLayout layout = layoutOf.apply(header);
            Set<String> seen = new HashSet<>();
            long values = 0;
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entry = e.getName();
                String name = arrayName(entry, layout, seen.size(), seen, src, headerName);
                seen.add(name);
                DataInputStream in = new DataInputStream(zip);
                ArrayEntry.Header h = ArrayEntry.header(in, src, entry);
                ArrayLayout.Listed listed = layout.listed() == null ? null : layout.at(seen.size() - 1);
                if (listed != null && !Arrays.equals(listed.shape(), h.shape())) {
                    throw ArrayEntry.bad(src, entry, "shape " + Arrays.toString(h.shape()) + ", but " + headerName
                            + " lists " + Arrays.toString(listed.shape()));
                }
                values += h.values();
                if (values > layout.maxValues()) {
                    throw ArrayEntry.bad(src, entry, "the arrays so far hold " + values + " values, more than the "
                            + layout.maxValues() + " the architecture in " + headerName + " has");
                }
                if (e.getSize() >= 0 && e.getSize() != h.entryBytes()) {
                    throw ArrayEntry.bad(src, entry, "the zip says it is " + e.getSize() + " bytes, its shape "
                            + Arrays.toString(h.shape()) + " needs " + h.entryBytes());
                }
                INDArray a = ArrayEntry.data(in, h, keep, src, entry);
                // the entry must end exactly here (reading its end also checks its CRC)
                if (zip.read() >= 0) {
                    throw ArrayEntry.bad(src, entry, "long entry: more data than its shape " + Arrays.toString(h.shape())
                            + " needs (" + h.entryBytes() + " bytes)");
                }
                if (keep) {
                    arrays.put(name, a);
                }
            }
            entry = null;
            if (layout.listed() != null && seen.size() < layout.listed().size()) {
                throw new InvalidInputException(src, "missing entry '" + WEIGHTS + layout.at(seen.size()).name() + "' ("
                        + headerName + " lists " + layout.listed().size() + " arrays, the file has " + seen.size()
                        + "): truncated or incomplete " + what + " file");
            }
            return new Contents(header, arrays);
        } catch (ZipException ex) {
            throw new InvalidInputException(src, "corrupt " + what + " file" + at(entry) + " (" + ex.getMessage() + ")");
        } catch (EOFException ex) {
            throw new InvalidInputException(src, "truncated " + what + " file (unexpected end" + at(entry)
                    + ": the file or that entry is cut short)");
        } catch (IOException ex) {
            throw new InvalidInputException(src, "cannot read " + what + " file" + at(entry) + ": " + ex.getMessage());
        }
    }

    /** Checks an entry's name against the layout before anything of it is read; returns the array name. */
    private static String arrayName(String entry, ArrayLayout layout, int index, Set<String> seen, String src,
            String headerName) {
        String name = entry.startsWith(WEIGHTS) ? entry.substring(WEIGHTS.length()) : null;
        if (name == null || (layout.listed() != null && !layout.lists(name))) {
            throw new InvalidInputException(src, "unexpected entry '" + entry + "' (not an array " + headerName
                    + " lists)");
        }
        if (seen.contains(name)) {
            throw new InvalidInputException(src, "duplicate entry '" + entry + "'");
        }
        if (layout.listed() != null && !layout.at(index).name().equals(name)) {
            throw new InvalidInputException(src, "entry '" + entry + "' is out of order: " + headerName + " lists '"
                    + WEIGHTS + layout.at(index).name() + "' next");
        }
        return name;
    }

    private static String at(String entry) {
        return entry == null ? "" : " in entry '" + entry + "'";
    }

    /** Reads only the header, the first entry (no weights, no ND4J); the stream is not closed. */
    static JsonObject readHeader(InputStream is, String src, String headerName, String what) {
        try (ZipInputStream zip = new ZipInputStream(new NonClosingInputStream(is))) {
            return header(zip, src, headerName, what);
        } catch (ZipException ex) {
            throw new InvalidInputException(src, "corrupt " + what + " file (" + ex.getMessage() + ")");
        } catch (EOFException ex) {
            throw new InvalidInputException(src, "truncated " + what + " file (unexpected end in " + headerName + ")");
        } catch (IOException ex) {
            throw new InvalidInputException(src, "cannot read " + what + " file: " + ex.getMessage());
        }
    }

    /** The first entry, at most {@link #MAX_HEADER} bytes of JSON nested at most {@link #MAX_DEPTH} deep. */
    private static JsonObject header(ZipInputStream zip, String src, String headerName, String what) throws IOException {
        ZipEntry e = zip.getNextEntry();
        if (e == null) {
            throw new InvalidInputException(src, "not an mrisr " + what + " (not a zip file, or empty)");
        }
        if (!e.getName().equals(headerName)) {
            throw new InvalidInputException(src, "not an mrisr " + what + " (first entry is '" + e.getName()
                    + "', expected '" + headerName + "')");
        }
        byte[] bytes = e.getSize() > MAX_HEADER ? null : zip.readNBytes(MAX_HEADER + 1);
        if (bytes == null || bytes.length > MAX_HEADER) {
            throw new InvalidInputException(src, headerName + " is larger than " + (MAX_HEADER >> 20)
                    + " MiB (a real one is a few KB): not an mrisr " + what + ", or a damaged one");
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        int depth = depth(json);
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(src, headerName + " nests " + depth + " levels deep (a real one: 4; at most "
                    + MAX_DEPTH + ")");
        }
        try {
            JsonElement parsed = new JsonParser().parse(json);
            if (!parsed.isJsonObject()) {
                throw new InvalidInputException(src, headerName + " is not a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException ex) {
            throw new InvalidInputException(src, headerName + " is not valid JSON: " + ex.getMessage());
        }
    }

    /** Deepest nesting of objects and arrays outside strings (Gson parses recursively: depth costs stack). */
    static int depth(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
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
