package org.mrisr.cli;

import java.nio.file.Path;

import org.mrisr.engine.nifti.NiftiHeader;
import org.mrisr.engine.nifti.NiftiReader;

/**
 * The Java heap one prediction needs, from the LR header alone (read before any voxel is loaded), so a batch
 * runs no more subjects at once than the heap holds. An upper bound counted from what SrModel.predict keeps
 * alive at its peak, per LR voxel for factor r: the float32 input and its normalised copy (8 bytes); the
 * cubic-spline zoom (background mask, or a residual model) with its double-precision prefiltered input and
 * its passes over one and two axes (8 + 8r + 8r^2); three float32 volumes of the output size (the stitched
 * result with its weights or its cubic term, the sum, the mapped-back output: 12 r^3); plus a fixed amount
 * for reading, writing and one window. ND4J's memory for the window is off the heap and bounded by the window.
 */
final class PredictMemory {
    /** Buffers of reader and gzip writer, one window in and out, the model's weights: generous for the windows mrisr uses. */
    static final long FIXED_BYTES = 96L << 20;

    private PredictMemory() {
    }

    /** Heap bytes to predict an LR volume of {@code voxels} voxels at factor r. */
    static long bytes(long voxels, int r) {
        long r3 = (long) r * r * r;
        return voxels * (16 + 8L * r + 8L * r * r + 12 * r3) + FIXED_BYTES;
    }

    /**
     * Heap bytes to predict the file, from its header; a bad header is the file's error
     * ({@link org.mrisr.engine.InvalidInputException} naming it).
     */
    static long bytes(Path lr, int r) {
        NiftiHeader h = NiftiReader.readHeader(lr);
        return bytes(h.extent(1) * h.extent(2) * h.extent(3), r);
    }

    static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
