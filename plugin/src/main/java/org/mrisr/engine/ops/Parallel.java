package org.mrisr.engine.ops;

import java.util.stream.IntStream;

/**
 * Splits a loop over [0, n) into contiguous chunks run on the JVM's common fork-join pool. The
 * volume operations are memory-bound loops over independent lines or slices, so a few chunks per
 * core balance the load without task overhead mattering.
 */
public final class Parallel {
    /** A loop body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /** Runs {@code body} over [0, n) in parallel chunks; returns when all are done. */
    public static void forRange(int n, RangeBody body) {
        int threads = Runtime.getRuntime().availableProcessors();
        int chunks = Math.min(n, threads * 4);
        if (threads == 1 || chunks <= 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            if (from < to) {
                body.run(from, to);
            }
        });
    }
}
