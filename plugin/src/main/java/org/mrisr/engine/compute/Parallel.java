package org.mrisr.engine.compute;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parallel loops on the {@link ComputePool}: a loop over [0, n) is cut into contiguous chunks, each
 * run by one task. The engine's loops are memory-bound passes over independent lines, slices or
 * channels, so a few chunks per thread balance the load without task overhead mattering, and the
 * result does not depend on how the range was cut (bodies must keep it so: write disjoint outputs,
 * accumulate per index, never in chunk order).
 *
 * <p>An exception thrown by a body is rethrown unchanged on the calling thread once every chunk has
 * finished (the first one, when several fail).
 */
public final class Parallel {
    /** Chunks per thread for {@link #forRange}. */
    private static final int CHUNKS_PER_THREAD = 4;

    /** A loop body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /** Runs {@code body} over [0, n) in parallel chunks; returns when all are done. */
    public static void forRange(int n, RangeBody body) {
        forChunks(n, ComputePool.threads() * CHUNKS_PER_THREAD, body);
    }

    /**
     * Runs {@code body} over [0, n) cut into {@code min(n, chunks)} contiguous chunks of near-equal
     * size (for bodies with a per-chunk set-up cost, such as SSIM's row buffers); at most
     * {@link ComputePool#threads()} of them run at once.
     */
    public static void forChunks(int n, int chunks, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int k = Math.max(1, Math.min(n, chunks));
        if (k == 1 || ComputePool.threads() == 1) {
            body.run(0, n);
            return;
        }
        RecursiveAction[] tasks = new RecursiveAction[k];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 0; c < k; c++) {
            int from = (int) ((long) n * c / k);
            int to = (int) ((long) n * (c + 1) / k);
            tasks[c] = new Chunk(body, from, to, failure);
        }
        invoke(tasks, failure);
    }

    /** Sorts ascending as {@link Arrays#sort(float[])} does (same order, NaN last), on the pool. */
    public static void sort(float[] a) {
        if (ComputePool.threads() == 1) {
            Arrays.sort(a);
            return;
        }
        // run from a pool worker: Arrays.parallelSort forks into the pool of the thread calling it
        AtomicReference<Throwable> failure = new AtomicReference<>();
        invoke(new RecursiveAction[] {new Chunk((from, to) -> Arrays.parallelSort(a), 0, 1, failure)}, failure);
    }

    private static void invoke(RecursiveAction[] tasks, AtomicReference<Throwable> failure) {
        ComputePool.invokeAll(tasks);
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** One chunk of a loop; records the body's exception instead of letting ForkJoin wrap it. */
    private static final class Chunk extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient RangeBody body;
        private final int from;
        private final int to;
        private final transient AtomicReference<Throwable> failure;

        Chunk(RangeBody body, int from, int to, AtomicReference<Throwable> failure) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.failure = failure;
        }

        @Override
        protected void compute() {
            try {
                body.run(from, to);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }
}
