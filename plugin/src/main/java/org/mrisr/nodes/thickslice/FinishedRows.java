package org.mrisr.nodes.thickslice;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Rows refined by a run that was then cancelled. KNIME discards a cancelled node's output, and each
 * row costs minutes of training, so the finished rows are kept in temporary files and the next run
 * takes them instead of training again — when the row's input volume and every setting are the same
 * ({@link #key}). A run that completes {@link #clear}s them; files left at JVM exit are deleted.
 * Volumes are stored exactly (voxels as float32, affine as float64), unlike a NIfTI round trip.
 */
final class FinishedRows {
    private final Map<String, Path> files = new HashMap<>();

    /** The row's identity: row key, the node's settings and a checksum of the input voxels and geometry. */
    static String key(final String rowKey, final String settings, final Volume in) {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(4 * in.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(in.data());
        crc.update(b);
        return rowKey + "\u0000" + settings + "\u0000" + crc.getValue() + "\u0000" + in.nx() + "x" + in.ny() + "x" + in.nz()
            + "\u0000" + in.affine();
    }

    /** The kept result for this key, or null. */
    synchronized Volume get(final String key) throws IOException {
        Path f = files.get(key);
        return f == null || !Files.isRegularFile(f) ? null : read(f);
    }

    synchronized void put(final String key, final Volume result) throws IOException {
        Path f = Files.createTempFile("mrisr-thick-slice-row", ".bin");
        f.toFile().deleteOnExit();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f)))) {
            out.writeInt(result.nx());
            out.writeInt(result.ny());
            out.writeInt(result.nz());
            out.writeInt(result.spaceCode());
            for (double v : result.affine().toRowMajor()) {
                out.writeDouble(v);
            }
            for (float v : result.data()) {
                out.writeFloat(v);
            }
        }
        Path old = files.put(key, f);
        if (old != null) {
            Files.deleteIfExists(old);
        }
    }

    synchronized int size() {
        return files.size();
    }

    /** Deletes every kept row. */
    synchronized void clear() {
        for (Path f : files.values()) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                f.toFile().deleteOnExit();
            }
        }
        files.clear();
    }

    private static Volume read(final Path f) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            int nx = in.readInt();
            int ny = in.readInt();
            int nz = in.readInt();
            int space = in.readInt();
            double[] a = new double[16];
            for (int i = 0; i < 16; i++) {
                a[i] = in.readDouble();
            }
            float[] data = new float[nx * ny * nz];
            for (int i = 0; i < data.length; i++) {
                data[i] = in.readFloat();
            }
            return new Volume(nx, ny, nz, data, Affine.ofRowMajor(a), space);
        }
    }
}
