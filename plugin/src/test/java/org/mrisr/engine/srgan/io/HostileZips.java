package org.mrisr.engine.srgan.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Builds hostile variants of valid model and checkpoint files at the zip level (test helper). Public only
 * through {@link #withEditedHeader}, for node tests that hand a hostile file to a node.
 */
public final class HostileZips {
    private HostileZips() {
    }

    /** {@code valid} written to {@code out} with its header (model.json) edited by {@code edit}. */
    public static Path withEditedHeader(final Path valid, final Path out, final Consumer<JsonObject> edit)
        throws IOException {
        List<Part> parts = parts(valid);
        JsonObject h = header(parts);
        edit.accept(h);
        return write(out, withHeader(parts, h));
    }

    /**
     * One zip entry: {@code data} followed by {@code pad} copies of {@code padByte} (streamed, so an
     * entry can inflate to far more than the test holds in memory).
     */
    record Part(String name, byte[] data, long pad, byte padByte, boolean stored) {
        static Part of(String name, byte[] data) {
            return new Part(name, data, 0, (byte) 0, false);
        }

        Part withData(byte[] d) {
            return new Part(name, d, pad, padByte, stored);
        }

        Part padded(long n, byte b) {
            return new Part(name, data, n, b, stored);
        }

        /** Stored uncompressed: the zip then records the entry's size before its data. */
        Part asStored() {
            return new Part(name, data, 0, padByte, true);
        }
    }

    static List<Part> parts(Path zip) throws IOException {
        List<Part> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                out.add(Part.of(e.getName(), z.readAllBytes()));
            }
        }
        return out;
    }

    /** Writes the parts in order; repeated names are written (zip tools refuse, a hostile file need not). */
    static Path write(Path out, List<Part> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        List<String[]> renames = new ArrayList<>();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(Deflater.BEST_SPEED);
            for (Part p : parts) {
                String name = p.name();
                if (!names.add(name)) {
                    // a placeholder of the same length, patched to the real name below
                    String placeholder = name.substring(0, name.length() - 1) + "\u0001";
                    renames.add(new String[] {placeholder, name});
                    name = placeholder;
                }
                ZipEntry e = new ZipEntry(name);
                if (p.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(p.data());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(p.data().length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(p.data());
                byte[] pad = new byte[1 << 20];
                Arrays.fill(pad, p.padByte());
                for (long left = p.pad(); left > 0; left -= pad.length) {
                    z.write(pad, 0, (int) Math.min(pad.length, left));
                }
                z.closeEntry();
            }
        }
        byte[] b = bytes.toByteArray();
        for (String[] r : renames) {
            replaceAll(b, r[0].getBytes(StandardCharsets.UTF_8), r[1].getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(b);
        }
        return out;
    }

    static void replaceAll(byte[] b, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, b, i, to.length);
            }
        }
    }

    static JsonObject header(List<Part> parts) {
        return new JsonParser().parse(new String(parts.get(0).data(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static List<Part> withHeader(List<Part> parts, JsonObject header) {
        List<Part> out = new ArrayList<>(parts);
        out.set(0, parts.get(0).withData(header.toString().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    static int index(List<Part> parts, String name) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** An entry in ND4J's binary array format with any declared shape, length and type and {@code dataBytes} of data. */
    static byte[] nd4jEntry(long[] shape, long length, String type, int dataBytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeUTF("MIXED_DATA_TYPES");
        d.writeLong(2L * shape.length + 4);
        d.writeUTF("LONG");
        d.writeLong(shape.length);
        for (long s : shape) {
            d.writeLong(s);
        }
        long stride = 1;
        long[] strides = new long[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        for (long s : strides) {
            d.writeLong(s);
        }
        d.writeLong(8192);
        d.writeLong(1);
        d.writeLong('c');
        d.writeUTF("MIXED_DATA_TYPES");
        d.writeLong(length);
        d.writeUTF(type);
        d.write(new byte[dataBytes]);
        d.flush();
        return b.toByteArray();
    }
}
