package org.mrisr.engine.nifti;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Deflates one block of a {@link ParallelGzipOutputStream} into raw deflate data that ends on a byte
 * boundary (or, for the last block, with the final deflate block), so blocks concatenate.
 *
 * <p>Long runs of zero bytes (the background of an MRI volume: 63 % of ch2better's voxels) are not
 * given to zlib, which spends about a quarter of its time on them at level 1: each whole
 * {@value #RUN} bytes of zeros is written as a copy of a deflate fragment precomputed once (a
 * literal 0 and length-258 copies at distance 1, ended by a sync flush), which decodes the same in
 * any context. zlib compresses the rest in segments between the runs, each with the 32 KiB before it
 * as dictionary (all zeros after a run) and ended by a sync flush.
 */
final class BlockDeflater {
    /** Dictionary size of deflate: a segment may refer this far back. */
    static final int DICT = 32 * 1024;
    /** Zeros encoded per precomputed fragment; runs shorter than the dictionary stay with zlib. */
    static final int RUN = 4 * 1024;
    private static final int RUNS_PER_BIG = 64;
    private static final byte[] ZEROS = new byte[DICT];
    private static final byte[] RUN_FRAGMENT = zerosFragment(RUN);
    private static final byte[] BIG_FRAGMENT = zerosFragment(RUN * RUNS_PER_BIG);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int level;
    private byte[] out = new byte[0];
    private int len;

    BlockDeflater(int level) {
        this.level = level;
    }

    /**
     * Deflates input[0..n) that follows dict (the previous 32 KiB of the stream, null at its start);
     * last ends the stream with a final block.
     */
    byte[] deflate(byte[] input, int n, byte[] dict, boolean last) {
        len = 0;
        // MRI compresses ~9:1 at level 1; less compressible data grows the buffer
        if (out.length < n / 8 + 4096) {
            out = new byte[n / 8 + 4096];
        }
        Deflater d = new Deflater(level, true);
        try {
            if (dict != null) {
                d.setDictionary(dict);
            }
            int from = 0; // start of the segment not yet written
            int at = 0;
            while (true) {
                long run = nextZeroRun(input, at, n);
                if (run < 0) {
                    break;
                }
                int start = (int) (run >>> 32);
                int end = (int) run;
                // whole fragments at the end of the run, so zeros are right before the next segment
                int runs = (end - start) / RUN;
                int encodedFrom = end - runs * RUN;
                if (encodedFrom > from) {
                    segment(d, input, from, encodedFrom - from, false);
                }
                for (; runs >= RUNS_PER_BIG; runs -= RUNS_PER_BIG) {
                    append(BIG_FRAGMENT);
                }
                for (; runs > 0; runs--) {
                    append(RUN_FRAGMENT);
                }
                d.reset();
                d.setDictionary(ZEROS);
                from = end;
                at = end;
            }
            if (from < n || last) {
                segment(d, input, from, n - from, last);
            }
            return Arrays.copyOf(out, len);
        } finally {
            d.end();
        }
    }

    /**
     * The first run of at least DICT zero bytes in input[at..n) made of whole aligned 8-byte words,
     * as start << 32 | end; -1 if none.
     */
    static long nextZeroRun(byte[] input, int at, int n) {
        int i = (at + 7) & ~7;
        int words = n & ~7;
        while (i < words) {
            if ((long) LONGS.get(input, i) != 0) {
                i += 8;
                continue;
            }
            int start = i;
            while (i < words && (long) LONGS.get(input, i) == 0) {
                i += 8;
            }
            if (i - start >= DICT) {
                return (long) start << 32 | i;
            }
        }
        return -1;
    }

    /** zlib-deflates one segment, ending on a byte boundary (sync flush) or with the final block. */
    private void segment(Deflater d, byte[] input, int off, int n, boolean last) {
        d.setInput(input, off, n);
        if (last) {
            d.finish();
        }
        while (true) {
            if (out.length - len < 4096) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, len + n / 2 + 4096));
            }
            int room = out.length - len;
            int got = d.deflate(out, len, room, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            len += got;
            // done when finished (last block) or when a sync flush left room to spare
            if (last ? d.finished() : got < room && d.needsInput()) {
                return;
            }
        }
    }

    private void append(byte[] b) {
        if (out.length - len < b.length) {
            out = Arrays.copyOf(out, Math.max(2 * out.length, len + b.length));
        }
        System.arraycopy(b, 0, out, len, b.length);
        len += b.length;
    }

    /** Raw deflate of n zeros from an empty window, ended by a sync flush: valid after any data. */
    private static byte[] zerosFragment(int n) {
        BlockDeflater b = new BlockDeflater(Deflater.BEST_COMPRESSION);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            b.segment(d, new byte[n], 0, n, false);
            return Arrays.copyOf(b.out, b.len);
        } finally {
            d.end();
        }
    }
}
