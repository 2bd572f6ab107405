package org.mrisr.engine.srgan;

import java.util.Locale;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.GeneratorConfig;

/**
 * Peak memory of a prediction ({@link SrModel#predict}) in a process of its own, estimated from the
 * input's shape, the window and the model's architecture, and the window a memory bound allows (the
 * CLI's {@code predict --max-memory}, the SR Predictor's memory bound). The estimate is the sum of
 * <ul>
 * <li>{@link #BASE}: the JVM, ND4J's native libraries and thread pools (measured: see README
 * "Safety"),</li>
 * <li>the volume-sized arrays of a prediction: the input and its normalised copy (8 bytes per input
 * voxel) and about five output-sized float arrays (blend and weights, cubic residual, inverse
 * normalisation, background mask: 20 bytes per output voxel),</li>
 * <li>the window: three of its largest activation (input, output and one more layer in flight), float32.</li>
 * </ul>
 * Measured peaks stay below it (README "Safety"), so a bound it picks a window for is kept.
 */
public final class PredictMemory {
    /**
     * JVM, ND4J and libraries without any volume: measured about 300-350 MiB, varying by up to 100 MiB
     * with the garbage collector's timing; 450 MiB keeps every measurement below the estimate.
     */
    public static final long BASE = 450L << 20;
    public static final long BYTES_PER_OUTPUT_VOXEL = 20;
    public static final long BYTES_PER_INPUT_VOXEL = 8;
    /** Windows --max-memory chooses from, descending. */
    public static final int[] WINDOWS = {96, 64, 48, 32, 24, 16, 8};

    private PredictMemory() {
    }

    /** Estimated peak bytes of a process predicting an input of {@code lrShape} with windows of edge {@code window}. */
    public static long estimate(int[] lrShape, int window, GeneratorConfig g) {
        return BASE + share(lrShape, window, g);
    }

    /** The prediction's own share of {@link #estimate} (without {@link #BASE}): what it adds to a running JVM. */
    public static long share(int[] lrShape, int window, GeneratorConfig g) {
        long in = (long) lrShape[0] * lrShape[1] * lrShape[2];
        long out = in * g.factor() * g.factor() * g.factor();
        long w = 1;
        for (int n : lrShape) {
            w *= Math.min(n, window);
        }
        return in * BYTES_PER_INPUT_VOXEL + out * BYTES_PER_OUTPUT_VOXEL + 3 * 4 * largestActivation(w, g);
    }

    /** Values of the largest activation of the generator on a window of {@code voxels} LR voxels. */
    public static long largestActivation(long voxels, GeneratorConfig g) {
        long max = (long) g.filters() * voxels;
        long s = voxels;
        int uf = g.upFilters();
        for (int b = 0; b < g.upBlocks(); b++) {
            long perVoxel = switch (g.method()) {
                // a convolution after the nearest upsampling, at the doubled size
                case RESIZE_CONV -> (long) uf * 8;
                // the convolution before the shuffle: uf channels at this size, uf/8 at the doubled one
                case SUBPIXEL -> uf;
                // the ICNR convolution: 8·uf channels before the shuffle
                case SUBPIXEL_NN -> 8L * uf;
            };
            max = Math.max(max, perVoxel * s);
            s *= 8;
        }
        return Math.max(max, s);
    }

    /**
     * The largest of {@link #WINDOWS} whose estimate fits in {@code bound} bytes: the whole process's
     * ({@link #estimate}) when {@code process}, else the prediction's {@link #share} (in a JVM that runs
     * anyway, e.g. KNIME's).
     */
    public static int window(long bound, int[] lrShape, GeneratorConfig g, boolean process) {
        long base = process ? BASE : 0;
        for (int w : WINDOWS) {
            if (base + share(lrShape, w, g) <= bound) {
                return w;
            }
        }
        int smallest = WINDOWS[WINDOWS.length - 1];
        throw new InvalidInputException("memory bound", "even the smallest window (" + smallest + ") needs about "
                + mib(base + share(lrShape, smallest, g)) + " for this " + lrShape[0] + "x" + lrShape[1] + "x" + lrShape[2]
                + " volume at x" + g.factor() + " (most of it for the volume itself); allow more memory");
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
