package org.mrisr.engine.nifti;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

import org.mrisr.engine.compute.ComputePool;

/**
 * A gzip stream (one member) compressed in parallel, the way pigz does it: the input is cut into
 * 1 MiB blocks, each deflated on its own with the previous 32 KiB as preset dictionary and ended
 * by a sync flush, so the raw deflate outputs concatenate into one valid stream ({@link BlockDeflater},
 * which also writes long runs of zeros without zlib). Deflate dominates
 * writing a .nii.gz (a 0.5 mm head is ~140 MB of float32), and this spreads it over cores.
 *
 * <p>Blocks are deflated on the engine's {@link ComputePool} (at most its thread count at once).
 * Block boundaries do not depend on the thread count, so the bytes written are the same on any
 * machine. Blocks are written in order; at most two per thread are in flight.
 */
final class ParallelGzipOutputStream extends OutputStream {
    private static final int BLOCK = 1 << 20;
    private static final int DICT = BlockDeflater.DICT;

    private final OutputStream out;
    private final int level;
    private final int threads;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
    /** The input blocks of inFlight, in the same order: reused once compressed. */
    private final ArrayDeque<byte[]> inFlightInputs = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private int filled;
    private byte[] dictionary; // last 32 KiB of the previous block
    private long total;
    private boolean closed;

    /** @param threads blocks compressed at once (1: on the writing thread, no pool) */
    ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
        this.out = out;
        this.level = level;
        this.threads = Math.max(1, threads);
        // gzip header: deflate, no flags, mtime 0 (reproducible files), OS unknown
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        crc.update(b, off, len);
        total += len;
        while (len > 0) {
            int n = Math.min(len, BLOCK - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == BLOCK) {
                submit(false);
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int n = filled;
        byte[] dict = dictionary;
        dictionary = n >= DICT ? Arrays.copyOfRange(input, n - DICT, n) : null;
        // a new 1 MiB block each time costs zeroing and, in a small young generation, collections
        block = spare.isEmpty() ? new byte[BLOCK] : spare.poll();
        filled = 0;
        if (threads == 1) {
            out.write(deflate(input, n, dict, last));
            spare.add(input);
            return;
        }
        while (inFlight.size() >= 2 * threads) {
            out.write(next());
        }
        inFlight.add(ComputePool.submit(() -> deflate(input, n, dict, last)));
        inFlightInputs.add(input);
    }

    private byte[] next() throws IOException {
        try {
            byte[] compressed = inFlight.poll().get();
            spare.add(inFlightInputs.poll());
            return compressed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("compression failed", e.getCause());
        }
    }

    private byte[] deflate(byte[] input, int n, byte[] dict, boolean last) {
        return new BlockDeflater(level).deflate(input, n, dict, last);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!inFlight.isEmpty()) {
                out.write(next());
            }
            byte[] trailer = new byte[8];
            long c = crc.getValue();
            for (int i = 0; i < 4; i++) {
                trailer[i] = (byte) (c >>> (8 * i));
                trailer[4 + i] = (byte) (total >>> (8 * i));
            }
            out.write(trailer);
        } finally {
            out.close();
        }
    }
}
