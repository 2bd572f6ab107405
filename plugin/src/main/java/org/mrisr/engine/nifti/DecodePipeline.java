package org.mrisr.engine.nifti;

import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Converts voxel chunks to float32 on a second thread while the reading thread inflates the next
 * ones. The second thread first allocates the output array: for a large volume that allocation
 * (zeroing and first-touching hundreds of MB) costs about as much as inflating, so the reader may run
 * up to {@code maxAhead} bytes ahead of it rather than wait.
 *
 * <p>A dedicated thread, not a {@code ComputePool} task: the reader blocks on it when it is far enough
 * ahead, and a pool busy with the caller's own tasks could leave such a task unstarted forever. The
 * thread never blocks on the reader except to wait for the next chunk, and on a failure (e.g. no
 * memory for the output) it keeps returning buffers, so the reader never waits forever either.
 *
 * <p>Use: {@link #buffer()}, fill it, {@link #submit}; then {@link #finish()}, or {@link #close()} to
 * abandon (after an error).
 */
final class DecodePipeline implements AutoCloseable {
    private static final Chunk END = new Chunk(null, 0, 0);

    private final VoxelDecoder decoder;
    private final int voxels;
    private final int chunkBytes;
    private final int maxBuffers;
    private final BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> free = new LinkedBlockingQueue<>();
    private final Thread worker;
    private int buffers;
    private boolean ended;
    private volatile float[] out;
    private volatile Throwable failure;

    /** A filled buffer: voxels to decode into out[at..at+voxels). */
    private record Chunk(byte[] bytes, int voxels, int at) {
    }

    DecodePipeline(VoxelDecoder decoder, int voxels, int chunkBytes, long maxAhead) {
        this.decoder = decoder;
        this.voxels = voxels;
        this.chunkBytes = chunkBytes;
        this.maxBuffers = (int) Math.max(2, Math.min(Integer.MAX_VALUE, maxAhead / chunkBytes));
        this.worker = new Thread(this::run, "mrisr-nifti-decode");
        worker.setDaemon(true);
        worker.start();
    }

    /** An empty buffer of chunkBytes; waits only when maxAhead bytes are already pending. */
    byte[] buffer() throws InterruptedIOException {
        rethrowFailure();
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        if (buffers < maxBuffers) {
            buffers++;
            return new byte[chunkBytes];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding voxels");
        }
    }

    /** Hands over a buffer from {@link #buffer()} holding n voxels that go to out[at..at+n). */
    void submit(byte[] b, int n, int at) {
        full.add(new Chunk(b, n, at));
    }

    /** Waits for every submitted chunk and returns the output array. */
    float[] finish() throws InterruptedIOException {
        end();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding voxels");
        }
        rethrowFailure();
        return out;
    }

    /** Abandons the pipeline: the worker drops what is queued and ends. */
    @Override
    public void close() {
        end();
    }

    private void end() {
        if (!ended) {
            ended = true;
            full.add(END);
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void run() {
        float[] dst = null;
        try {
            dst = new float[voxels];
            out = dst;
        } catch (Throwable t) {
            failure = t;
        }
        while (true) {
            Chunk c;
            try {
                c = full.take();
            } catch (InterruptedException e) {
                // nobody interrupts this thread; if it happens, stop decoding but keep draining
                failure = e;
                continue;
            }
            if (c == END) {
                return;
            }
            if (failure == null) {
                try {
                    decoder.decode(c.bytes(), c.voxels(), dst, c.at());
                } catch (Throwable t) {
                    failure = t;
                }
            }
            free.add(c.bytes());
        }
    }
}
