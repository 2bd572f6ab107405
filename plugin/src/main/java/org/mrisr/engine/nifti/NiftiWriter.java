package org.mrisr.engine.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.mrisr.engine.OutputFile;
import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Writes a {@link Volume} as a little-endian single-file NIfTI-1 ({@code .nii} or, gzip-compressed,
 * {@code .nii.gz}), float32 or int16 with scl_slope/scl_inter. The sform is the volume's affine
 * (to float32 precision) and the qform its rotation part as a quaternion (the best rotation when the
 * affine has shear); both carry the volume's spaceCode, or 2 ("aligned") when it is 0. Units are mm.
 *
 * <p>The file is written to a temporary sibling and renamed over the final name only when complete,
 * so a failed write never leaves a partial file under that name (the rename is atomic where the
 * file system supports it; no fsync is done).
 */
public final class NiftiWriter {
    /** How voxels are stored. */
    public enum Storage {
        /** Exact float32 values. */
        FLOAT32,
        /**
         * int16 with a slope/intercept that maps the finite value range onto −32768..32767 (slope 1
         * and no intercept when all values are integers in range, which is then lossless). NaN is
         * stored as the value nearest 0 and infinities clamp to the range ends.
         */
        INT16_SCALED
    }

    private static final int HEADER = 348;
    private static final int VOX_OFFSET = 352;
    private static final int CHUNK_VOXELS = 1 << 20;
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final Storage storage;
    private final int level;
    private final int threads;

    /**
     * float32, gzip level 1 (nibabel's default: fast, nearly as small as higher levels on MRI),
     * compressing on the compute pool's threads ({@link ComputePool#threads()}).
     */
    public NiftiWriter() {
        this(Storage.FLOAT32, 1, ComputePool.threads());
    }

    private NiftiWriter(Storage storage, int level, int threads) {
        this.storage = storage;
        this.level = level;
        this.threads = threads;
    }

    public NiftiWriter storage(Storage s) {
        return new NiftiWriter(s, level, threads);
    }

    /** gzip level 1..9 for .nii.gz. */
    public NiftiWriter gzipLevel(int l) {
        if (l < 1 || l > 9) {
            throw new IllegalArgumentException("gzip level must be 1..9, got " + l);
        }
        return new NiftiWriter(storage, l, threads);
    }

    /**
     * Blocks of .nii.gz compressed at once (the file's bytes do not depend on it), at most the
     * compute pool's threads running; 1 compresses on the writing thread. Default: the pool's threads.
     */
    public NiftiWriter threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        return new NiftiWriter(storage, level, n);
    }

    /** Writes float32 with default settings. */
    public static void write(Volume v, Path path) throws IOException {
        new NiftiWriter().writeVolume(v, path);
    }

    public void writeVolume(Volume v, Path path) throws IOException {
        writeVolume(v, path, UnaryOperator.identity());
    }

    /** wrap lets tests interpose on the byte stream (e.g. to fail half-way). */
    void writeVolume(Volume v, Path path, UnaryOperator<OutputStream> wrap) throws IOException {
        OutputFile.checkName(path, OutputFile.Kind.NIFTI);
        boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        Path dir = path.toAbsolutePath().getParent();
        // not Files.createTempFile: its owner-only permissions would survive the rename
        Path tmp = dir.resolve("." + path.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean done = false;
        try {
            try (OutputStream out = wrap.apply(open(raw, gz))) {
                float[] scale = storage == Storage.INT16_SCALED ? int16Scaling(v.data()) : null;
                out.write(header(v, scale));
                if (scale == null) {
                    writeFloats(v.data(), out);
                } else {
                    writeInt16(v.data(), scale[0], scale[1], out);
                }
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private OutputStream open(OutputStream raw, boolean gz) throws IOException {
        if (!gz) {
            return new BufferedOutputStream(raw, 1 << 16);
        }
        try {
            return new ParallelGzipOutputStream(raw, level, threads);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void writeFloats(float[] d, OutputStream out) throws IOException {
        byte[] buf = new byte[4 * Math.min(CHUNK_VOXELS, d.length)];
        for (int at = 0; at < d.length; at += CHUNK_VOXELS) {
            int n = Math.min(CHUNK_VOXELS, d.length - at);
            for (int i = 0; i < n; i++) {
                F32.set(buf, 4 * i, d[at + i]);
            }
            out.write(buf, 0, 4 * n);
        }
    }

    private static void writeInt16(float[] d, float slope, float inter, OutputStream out) throws IOException {
        byte[] buf = new byte[2 * Math.min(CHUNK_VOXELS, d.length)];
        for (int at = 0; at < d.length; at += CHUNK_VOXELS) {
            int n = Math.min(CHUNK_VOXELS, d.length - at);
            for (int i = 0; i < n; i++) {
                I16.set(buf, 2 * i, toInt16(d[at + i], slope, inter));
            }
            out.write(buf, 0, 2 * n);
        }
    }

    static short toInt16(float v, float slope, float inter) {
        double q = Double.isNaN(v) ? Math.rint(-inter / (double) slope) : Math.rint((v - (double) inter) / slope);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, q));
    }

    /** {slope, inter} mapping the finite range onto int16; {1, 0} when values are int16 integers already. */
    static float[] int16Scaling(float[] d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (float v : d) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                integral &= v == Math.rint(v);
            }
        }
        if (lo > hi) {
            return new float[] {1, 0};
        }
        if (integral && lo >= Short.MIN_VALUE && hi <= Short.MAX_VALUE) {
            return new float[] {1, 0};
        }
        if (hi == lo) {
            return new float[] {1, (float) lo};
        }
        float slope = (float) ((hi - lo) / 65535.0);
        float inter = (float) (lo + 32768.0 * slope);
        return new float[] {slope, inter};
    }

    /** The 352 bytes before the voxels: the NIfTI-1 header and an empty extension flag. */
    byte[] header(Volume v, float[] scale) {
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, HEADER);
        b.put(38, (byte) 'r');
        short[] dim = {3, (short) v.nx(), (short) v.ny(), (short) v.nz(), 1, 1, 1, 1};
        if (v.nx() > Short.MAX_VALUE || v.ny() > Short.MAX_VALUE || v.nz() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 holds at most 32767 voxels per axis: " + v);
        }
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        boolean int16 = scale != null;
        b.putShort(70, (short) (int16 ? NiftiDatatype.INT16.code() : NiftiDatatype.FLOAT32.code()));
        b.putShort(72, (short) (int16 ? 16 : 32));
        Affine a = v.affine();
        double[] q = Quaternions.fromMatrix(a.toRowMajor());
        float[] pixdim = {(float) q[9], (float) q[6], (float) q[7], (float) q[8], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, VOX_OFFSET);
        b.putFloat(112, int16 ? scale[0] : 1f);
        b.putFloat(116, int16 ? scale[1] : 0f);
        b.put(123, (byte) 2); // mm
        byte[] descrip = "mrisr".getBytes(StandardCharsets.US_ASCII);
        b.put(148, descrip);
        int code = v.spaceCode() > 0 && v.spaceCode() <= Short.MAX_VALUE ? v.spaceCode() : 2;
        b.putShort(252, (short) code);
        b.putShort(254, (short) code);
        for (int i = 0; i < 6; i++) {
            b.putFloat(256 + 4 * i, (float) q[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) a.get(r, c));
            }
        }
        b.put(344, "n+1".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
