package org.mrisr.cli.bench;

/**
 * How {@code ./mrisr bench} measures.
 *
 * @param repeat  runs per side of each figure (mrisr and peer interleaved); the median is reported with its range
 * @param threads threads both sides are pinned to (ND4J/OpenMP/MKL and mrisr's compute pool; torch and OpenMP)
 */
public record BenchOptions(int repeat, int threads) {
    public static final int DEFAULT_REPEAT = 3;

    public BenchOptions {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** {@value #DEFAULT_REPEAT} runs, all of this machine's processors. */
    public static BenchOptions defaults() {
        return new BenchOptions(DEFAULT_REPEAT, Runtime.getRuntime().availableProcessors());
    }
}
