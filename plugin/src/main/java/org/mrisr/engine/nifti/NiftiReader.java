package org.mrisr.engine.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/**
 * Reads one volume of a NIfTI-1/NIfTI-2 file ({@code .nii}, {@code .nii.gz}, {@code .hdr}+{@code
 * .img}, {@code .img.gz}) into float32 voxels with its world affine.
 *
 * <p>Safety: every size is checked before anything is allocated — against the file size for raw
 * files, against a voxel cap and what the compressed size can possibly hold for gzip — and a gzip
 * stream is inflated only as far as the header says the voxels reach (trailing data stays unread).
 * Bad input of any kind ends in {@link NiftiFormatException} naming the file; a volume index out of
 * range is an {@link InvalidInputException}.
 *
 * <p>Instances are immutable; configure with {@link #volume(int)}, {@link #maxVoxels(long)} and
 * {@link #verifyAllVolumes(boolean)}.
 */
public final class NiftiReader {
    /** Default voxel cap: 2^28 voxels (1 GiB of float32), ~7× a 0.5 mm whole-head volume. */
    public static final long DEFAULT_MAX_VOXELS = 1L << 28;
    /** Deflate cannot expand data more than 1032:1; a margin covers block and gzip headers. */
    private static final long MAX_GZIP_RATIO = 1100;
    private static final int CHUNK_BYTES = 1 << 22;
    private static final int GZIP_BUFFER = 1 << 18;

    private final int volume;
    private final long maxVoxels;
    private final boolean verifyAll;

    public NiftiReader() {
        this(0, DEFAULT_MAX_VOXELS, false);
    }

    private NiftiReader(int volume, long maxVoxels, boolean verifyAll) {
        this.volume = volume;
        this.maxVoxels = maxVoxels;
        this.verifyAll = verifyAll;
    }

    /** Which volume of a 4-D file to read (0-based; default 0). */
    public NiftiReader volume(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("volume index must be >= 0, got " + index);
        }
        return new NiftiReader(index, maxVoxels, verifyAll);
    }

    /** The largest number of voxels per volume accepted before allocating (default {@link #DEFAULT_MAX_VOXELS}). */
    public NiftiReader maxVoxels(long cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("voxel cap must be positive, got " + cap);
        }
        return new NiftiReader(volume, cap, verifyAll);
    }

    /**
     * Whether to also inflate the volumes after the chosen one (so a truncated 4-D gzip is caught
     * even when volume 0 is read). Raw files are always checked whole against their size.
     */
    public NiftiReader verifyAllVolumes(boolean all) {
        return new NiftiReader(volume, maxVoxels, all);
    }

    /** Reads volume 0 with default settings. */
    public static Volume read(Path path) {
        return new NiftiReader().readImage(path).volume();
    }

    /** Reads only the header (a header-only .hdr needs no .img). */
    public static NiftiHeader readHeader(Path path) {
        NiftiFiles files = NiftiFiles.of(path, false);
        String src = files.header().toString();
        try (InputStream in = open(files.header(), src)) {
            return readHeader(in, src);
        } catch (IOException e) {
            throw ioProblem(src, e);
        }
    }

    /** Reads the configured volume with its header and transform. */
    public NiftiImage readImage(Path path) {
        NiftiFiles files = NiftiFiles.of(path, true);
        String src = files.header().toString();
        try {
            if (files.single()) {
                try (InputStream in = open(path, src)) {
                    NiftiHeader h = readHeader(in, src);
                    return readVoxels(h, files, in, h.headerSize(), src);
                }
            }
            NiftiHeader h;
            try (InputStream in = open(files.header(), src)) {
                h = readHeader(in, src);
            }
            String dsrc = files.data().toString();
            try (InputStream in = open(files.data(), dsrc)) {
                return readVoxels(h, files, in, 0, dsrc);
            }
        } catch (IOException e) {
            throw ioProblem(src, e);
        }
    }

    private static NiftiFormatException ioProblem(String src, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new NiftiFormatException(src, "no such file", e);
        }
        return new NiftiFormatException(src, "cannot read: " + e, e);
    }

    private static InputStream open(Path p, String src) throws IOException {
        if (!Files.exists(p)) {
            throw new NiftiFormatException(p.toString(), "no such file");
        }
        if (!Files.isRegularFile(p)) {
            throw new NiftiFormatException(p.toString(), "not a regular file");
        }
        InputStream raw = Files.newInputStream(p);
        if (!NiftiFiles.gzipped(p)) {
            return raw;
        }
        try {
            // buffered: GZIPInputStream parses its header (e.g. an unterminated file name) byte by byte
            return new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), GZIP_BUFFER);
        } catch (ZipException e) {
            raw.close();
            throw new NiftiFormatException(p.toString(), "named .gz but not gzip-compressed (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            raw.close();
            throw new NiftiFormatException(p.toString(), Files.size(p) == 0
                    ? "empty file" : "named .gz but its gzip header is cut short", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static NiftiHeader readHeader(InputStream in, String src) throws IOException {
        byte[] first = new byte[4];
        int got = readUpTo(in, first, 0, 4, src);
        if (got < 4) {
            throw new NiftiFormatException(src, got == 0 ? "empty file" : "truncated header: " + got + " bytes");
        }
        int size = NiftiHeader.sniff(first, src)[0];
        byte[] all = new byte[size];
        System.arraycopy(first, 0, all, 0, 4);
        got = readUpTo(in, all, 4, size - 4, src);
        if (got < size - 4) {
            throw new NiftiFormatException(src, "truncated header: " + (4 + got) + " of " + size + " bytes");
        }
        return NiftiHeader.parse(all, src);
    }

    /**
     * Reads {@code voxels} voxels in chunks of {@code perChunk}, decoding chunk k on a helper thread while chunk
     * k + 1 is read (two buffers); the same values as decoding each chunk after reading it. Returns a buffer
     * for the caller's further reads.
     */
    private static byte[] readPipelined(InputStream in, byte[] first, int perChunk, long voxels, VoxelDecoder decoder,
            float[] out, String src, NiftiHeader h, NiftiDatatype type, long dataStart, long end) throws IOException {
        int bpv = type.bytes();
        byte[][] buffers = {first, new byte[first.length]};
        ExecutorService decoding = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mrisr-nifti-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> pending = null;
            long done = 0;
            for (int k = 0; done < voxels; k++) {
                byte[] chunk = buffers[k & 1];
                int n = (int) Math.min(perChunk, voxels - done);
                int got = readUpTo(in, chunk, 0, n * bpv, src);
                if (got < n * bpv) {
                    throw truncatedData(src, h, type, dataStart + done * bpv + got, end);
                }
                await(pending);
                int at = (int) done;
                pending = decoding.submit(() -> decoder.decode(chunk, n, out, at));
                done += n;
            }
            await(pending);
            return buffers[0];
        } finally {
            decoding.shutdownNow();
        }
    }

    private static void await(Future<?> f) throws IOException {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding voxels");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Reads up to len bytes; returns how many were read before the end of the stream. */
    private static int readUpTo(InputStream in, byte[] b, int off, int len, String src) throws IOException {
        int total = 0;
        while (total < len) {
            int n;
            try {
                n = in.read(b, off + total, len - total);
            } catch (EOFException e) {
                return total; // a gzip stream cut short
            } catch (ZipException e) {
                throw new NiftiFormatException(src, "corrupt gzip data (" + e.getMessage() + ")", e);
            }
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private NiftiImage readVoxels(NiftiHeader h, NiftiFiles files, InputStream in, long consumed, String src) throws IOException {
        String hsrc = files.header().toString();
        if (files.single() && !h.isSingleFile()) {
            throw new NiftiFormatException(hsrc, "magic '" + h.magic() + "' marks a .hdr header of a .hdr/.img pair, but this is a single .nii file");
        }
        if (!files.single() && !h.isPair()) {
            throw new NiftiFormatException(hsrc, "magic '" + h.magic() + "' marks a single-file .nii, but this is a .hdr/.img pair");
        }
        NiftiDatatype type = h.datatype();
        if (type == null) {
            throw new NiftiFormatException(hsrc, "unknown datatype code " + h.datatypeCode());
        }
        if (!type.readable()) {
            throw new NiftiFormatException(hsrc, "unsupported datatype " + type.label() + " (code " + type.code()
                    + "): mrisr reads real scalar images only (uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64)");
        }
        if (h.bitpix() != type.bitpix()) {
            throw new NiftiFormatException(hsrc, "bitpix " + h.bitpix() + " does not match datatype " + type.label() + " (" + type.bitpix() + " bits)");
        }
        for (int i = 5; i <= 7; i++) {
            if (h.extent(i) > 1) {
                String cifti = h.intentCode() >= 3000 && h.intentCode() < 3100 ? " (a CIFTI-2 file, intent code " + h.intentCode() + ")" : "";
                throw new NiftiFormatException(hsrc, h.dim()[0] + "-D image " + h.dimsText() + cifti
                        + ": only 3-D and 4-D images are read (dims 5 to 7 must be 1)");
            }
        }
        long nx = h.extent(1);
        long ny = h.extent(2);
        long nz = h.extent(3);
        long nt = h.extent(4);
        long voxels = multiply(multiply(nx, ny, hsrc, h), nz, hsrc, h);
        if (voxels > maxVoxels || voxels > Integer.MAX_VALUE - 8) {
            throw new NiftiFormatException(hsrc, "volume of " + h.dimsText() + " = " + voxels + " voxels exceeds the limit of "
                    + Math.min(maxVoxels, Integer.MAX_VALUE - 8) + " voxels (raise it with NiftiReader.maxVoxels if the file is genuine)");
        }
        long volumeBytes = voxels * type.bytes();
        long allBytes = multiply(volumeBytes, nt, hsrc, h);
        if (volume >= nt) {
            throw new InvalidInputException(hsrc, "volume " + volume + " requested but the file has " + nt + " volume" + (nt == 1 ? "" : "s")
                    + " (indices 0.." + (nt - 1) + ")");
        }
        long start = dataStart(h, files.single(), hsrc);
        long end = addExact(start, allBytes, hsrc, h);
        Path data = files.data();
        if (NiftiFiles.gzipped(data)) {
            long packed = Files.size(data);
            long need = addExact(start, multiply(volumeBytes, verifyAll ? nt : volume + 1L, hsrc, h), hsrc, h);
            if (need / MAX_GZIP_RATIO > packed + 4096) {
                throw new NiftiFormatException(src, "truncated or corrupt: the header needs " + need + " bytes up to the end of the voxels"
                        + " but a gzip file of " + packed + " bytes cannot hold that much");
            }
        } else {
            long size = Files.size(data);
            if (end > size) {
                throw new NiftiFormatException(src, "truncated: the voxels of " + h.dimsText() + " " + type.label() + " need bytes "
                        + start + ".." + end + " but the file has " + size + " bytes");
            }
        }
        double[] scale = scaling(h, hsrc);
        VoxelDecoder decoder = new VoxelDecoder(type, h.byteOrder(), scale != null, scale == null ? 1 : scale[0], scale == null ? 0 : scale[1]);
        NiftiTransform transform = NiftiTransform.of(h, hsrc);

        skip(in, start + volume * volumeBytes - consumed, NiftiFiles.gzipped(data), src);
        float[] out = new float[(int) voxels];
        int bpv = type.bytes();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, volumeBytes)];
        int perChunk = chunk.length / bpv;
        if (voxels > 2L * perChunk) {
            // inflating is sequential; decoding the previous chunk on a second thread overlaps with it
            chunk = readPipelined(in, chunk, perChunk, voxels, decoder, out, src, h, type, start + volume * volumeBytes, end);
        } else {
            long done = 0;
            while (done < voxels) {
                int n = (int) Math.min(perChunk, voxels - done);
                int got = readUpTo(in, chunk, 0, n * bpv, src);
                if (got < n * bpv) {
                    throw truncatedData(src, h, type, start + volume * volumeBytes + done * bpv + got, end);
                }
                decoder.decode(chunk, n, out, (int) done);
                done += n;
            }
        }
        if (verifyAll && NiftiFiles.gzipped(data)) {
            // raw files were checked whole against their size above
            long rest = (nt - volume - 1) * volumeBytes;
            long read = 0;
            while (read < rest) {
                int n = (int) Math.min(chunk.length, rest - read);
                int got = readUpTo(in, chunk, 0, n, src);
                if (got < n) {
                    throw truncatedData(src, h, type, start + (volume + 1) * volumeBytes + read + got, end);
                }
                read += n;
            }
        }
        Volume v = new Volume((int) nx, (int) ny, (int) nz, out, transform.affine(), transform.spaceCode());
        return new NiftiImage(h, v, transform, volume, nt);
    }

    private static NiftiFormatException truncatedData(String src, NiftiHeader h, NiftiDatatype type, long at, long end) {
        return new NiftiFormatException(src, "truncated: the data ends at byte " + at + " but the " + h.dimsText() + " " + type.label()
                + " voxels reach byte " + end);
    }

    /** Where the voxels start in the data file; 0 in a single file means "right after the header". */
    private static long dataStart(NiftiHeader h, boolean single, String src) {
        double off = h.voxOffset();
        if (!Double.isFinite(off) || off < 0 || off != Math.floor(off) || off > Long.MAX_VALUE / 2) {
            throw new NiftiFormatException(src, "vox_offset " + off + " is not a valid byte offset");
        }
        long o = (long) off;
        if (single) {
            long min = h.headerSize() + 4L;
            if (o == 0) {
                return min; // unset, as nibabel reads it
            }
            if (o < min) {
                throw new NiftiFormatException(src, "vox_offset " + o + " lies inside the header: voxels of a single-file NIfTI-"
                        + h.version() + " start at " + min + " or later");
            }
        }
        return o;
    }

    /** {slope, inter} when scaling applies, null when values are used as stored (nibabel's rule). */
    static double[] scaling(NiftiHeader h, String src) {
        double slope = h.sclSlope();
        double inter = h.sclInter();
        if (slope == 0 || !Double.isFinite(slope)) {
            return null;
        }
        if (!Double.isFinite(inter)) {
            throw new NiftiFormatException(src, "scl_slope is " + slope + " but scl_inter is " + inter + ": a valid slope needs a finite intercept");
        }
        if (slope == 1 && inter == 0) {
            return null;
        }
        return new double[] {slope, inter};
    }

    /**
     * Skips n bytes. Raw files seek; gzip streams are read through a large buffer because
     * InflaterInputStream.skip inflates in 512-byte steps.
     */
    private static void skip(InputStream in, long n, boolean gzip, String src) throws IOException {
        long left = n;
        if (!gzip) {
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    break;
                }
                left -= s;
            }
        }
        byte[] scratch = left > 0 ? new byte[(int) Math.min(left, CHUNK_BYTES)] : null;
        while (left > 0) {
            int want = (int) Math.min(left, scratch.length);
            int got = readUpTo(in, scratch, 0, want, src);
            if (got < want) {
                throw new NiftiFormatException(src, "truncated: the file ends before the voxels start (" + (left - got) + " bytes short)");
            }
            left -= got;
        }
    }

    private static long multiply(long a, long b, String src, NiftiHeader h) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new NiftiFormatException(src, "image of " + h.dimsText() + " is impossibly large");
        }
    }

    private static long addExact(long a, long b, String src, NiftiHeader h) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new NiftiFormatException(src, "image of " + h.dimsText() + " is impossibly large");
        }
    }
}
