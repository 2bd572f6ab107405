package org.mrisr.engine.srgan.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Set;

import org.mrisr.engine.InvalidInputException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One weight entry in ND4J's binary array format ({@code Nd4j.write}), parsed here rather than by
 * {@code Nd4j.read} so that nothing is allocated before the entry's declared shape and type are
 * checked, and no read goes past the data that shape needs. The format (ND4J 1.0.0-M2.1):
 * <pre>
 *   UTF  allocation mode ("MIXED_DATA_TYPES")   long n   UTF "LONG"   n longs of shape information:
 *        [rank, shape…, strides…, type flags, element-wise stride, order ('c' or 'f')]
 *   UTF  allocation mode   long length   UTF "FLOAT"   length big-endian float32 values
 * </pre>
 */
final class ArrayEntry {
    /** Our arrays have rank 1 (biases) to 5 (3D convolutions); 8 leaves room without trusting the file. */
    static final int MAX_RANK = 8;
    /** One array must fit one Java buffer view: 2^29 float32 values (2 GiB). */
    static final long MAX_VALUES = 1L << 29;
    private static final Set<String> MODES = Set.of("MIXED_DATA_TYPES", "LONG_SHAPE");
    private static final int CHUNK = 1 << 16;

    private ArrayEntry() {
    }

    /** What an entry's ND4J header declares; {@code bytes} is the header's own length. */
    record Header(long[] shape, char order, long values, long bytes) {
        /** The entry's exact length: header plus float32 data. */
        long entryBytes() {
            return bytes + 4 * values;
        }
    }

    /** Reads and checks the header of one entry; allocates nothing that depends on the file. */
    static Header header(DataInputStream in, String src, String entry) throws IOException {
        Buffer info = buffer(in, src, entry);
        long n = info.length();
        if (!info.type().equals("LONG") || n < 6 || n > 4 + 2 * MAX_RANK || n % 2 != 0) {
            throw bad(src, entry, "shape information of " + n + " " + shortText(info.type())
                    + " values (expected 6.." + (4 + 2 * MAX_RANK) + " LONG values)");
        }
        long[] values = new long[(int) n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        int rank = (int) (n - 4) / 2;
        if (values[0] != rank) {
            throw bad(src, entry, "rank " + values[0] + " does not match its " + n + " shape values");
        }
        long[] shape = Arrays.copyOfRange(values, 1, 1 + rank);
        long count = 1;
        for (long d : shape) {
            if (d < 1 || d > MAX_VALUES || (count *= d) > MAX_VALUES) {
                throw bad(src, entry, "shape " + Arrays.toString(shape) + " (each size must be >= 1, at most "
                        + MAX_VALUES + " values in all)");
            }
        }
        long order = values[(int) n - 1];
        if (order != 'c' && order != 'f') {
            throw bad(src, entry, "order " + order + " (expected 'c' or 'f')");
        }
        Buffer data = buffer(in, src, entry);
        if (!data.type().equals("FLOAT")) {
            throw bad(src, entry, "data type " + shortText(data.type()) + " (model files hold FLOAT arrays)");
        }
        if (data.length() != count) {
            throw bad(src, entry, "data length " + data.length() + " does not match its shape " + Arrays.toString(shape)
                    + " (" + count + " values)");
        }
        return new Header(shape, (char) order, count, info.bytes() + 8 * n + data.bytes());
    }

    /** The header ND4J writes before each of its two buffers: allocation mode, length, type. */
    private record Buffer(long length, String type, long bytes) {
    }

    private static Buffer buffer(DataInputStream in, String src, String entry) throws IOException {
        String mode = in.readUTF();
        if (!MODES.contains(mode)) {
            throw bad(src, entry, "not an ND4J array of the kind mrisr writes (allocation mode " + shortText(mode) + ")");
        }
        long length = in.readLong();
        String type = in.readUTF();
        return new Buffer(length, type, utfBytes(mode) + 8 + utfBytes(type));
    }

    /**
     * Reads exactly the data {@code h} declares into a new array ({@code keep}) or only checks that
     * it is there (the validation pass: no allocation, no ND4J). A short entry is refused.
     */
    static INDArray data(InputStream in, Header h, boolean keep, String src, String entry) throws IOException {
        INDArray a = keep ? Nd4j.createUninitializedDetached(DataType.FLOAT, h.order(), h.shape()) : null;
        // copy raw bits (big-endian in the file, native order in memory); a float round trip could alter NaN payloads
        IntBuffer dst = keep ? a.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer() : null;
        byte[] chunk = new byte[(int) Math.min(CHUNK, 4 * h.values())];
        long remaining = 4 * h.values();
        while (remaining > 0) {
            int want = (int) Math.min(chunk.length, remaining);
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                long have = 4 * h.values() - remaining + got;
                throw bad(src, entry, "short entry: " + have + " bytes of data where its shape "
                        + Arrays.toString(h.shape()) + " needs " + 4 * h.values());
            }
            if (keep) {
                dst.put(ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.BIG_ENDIAN).asIntBuffer());
            }
            remaining -= got;
        }
        return a;
    }

    static InvalidInputException bad(String src, String entry, String problem) {
        return new InvalidInputException(src, "entry '" + entry + "': " + problem);
    }

    /** Bytes of a string as DataOutput.writeUTF wrote it (ASCII here; others are refused before this matters). */
    private static long utfBytes(String s) {
        return 2 + s.length();
    }

    private static String shortText(String s) {
        return "'" + (s.length() <= 24 ? s : s.substring(0, 24) + "...") + "'";
    }
}
