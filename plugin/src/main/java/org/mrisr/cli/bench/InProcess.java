package org.mrisr.cli.bench;

import java.util.concurrent.Callable;

import org.mrisr.engine.compute.ComputePool;

/**
 * mrisr's side of the sections measured in the bench's own JVM (io, ops, metrics): a timer, and the
 * compute pool pinned to the bench's threads for the section's duration (the pool reads
 * {@value ComputePool#THREADS_PROPERTY} at each use), restored afterwards.
 */
final class InProcess {
    /** A timed action. */
    interface Action {
        void run() throws Exception;
    }

    private InProcess() {
    }

    /** Wall seconds of one run of {@code a}. */
    static double seconds(Action a) throws Exception {
        long t0 = System.nanoTime();
        a.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs {@code body} with mrisr's compute pool at {@code threads} threads. */
    static <T> T pinned(int threads, Callable<T> body) throws Exception {
        String before = System.getProperty(ComputePool.THREADS_PROPERTY);
        System.setProperty(ComputePool.THREADS_PROPERTY, String.valueOf(threads));
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty(ComputePool.THREADS_PROPERTY);
            } else {
                System.setProperty(ComputePool.THREADS_PROPERTY, before);
            }
        }
    }
}
