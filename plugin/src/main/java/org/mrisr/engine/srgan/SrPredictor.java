package org.mrisr.engine.srgan;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.patch.Stitcher;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whole-volume super-resolution: the LR volume is normalised with m from the whole volume, cut into
 * overlapping windows, each window run through the generator (BatchNorm in evaluation mode), the
 * outputs blended, the intensities mapped back. Output shape r·n per axis; its affine is the
 * scipy-zoom grid of the input ({@link Affine#resampled} with offset 0 and step (n−1)/(r·n−1)), the
 * grid {@code interpolate} uses, so degrade → predict returns the HR geometry.
 *
 * <p>ND4J memory is bounded by one window (activations released as the forward pass goes); the Java heap holds
 * the input, its normalised copy and the output. Not thread-safe (the generator caches activations).
 */
public final class SrPredictor {
    private final Generator g;
    private final PredictOptions options;
    private final Normalizer normalizer;

    /** With the paper's half-max normalisation. */
    public SrPredictor(Generator g, PredictOptions options) {
        this(g, options, Normalizer.halfMax());
    }

    public SrPredictor(Generator g, PredictOptions options, Normalizer normalizer) {
        this.g = g;
        this.options = options;
        this.normalizer = normalizer;
    }

    public Volume predict(Volume lr) {
        return predict(lr, null, null);
    }

    /**
     * @param progress receives the fraction of windows done (may be null)
     * @param cancel   checked before each window; when true an {@link java.util.concurrent.CancellationException} is thrown
     */
    public Volume predict(Volume lr, DoubleConsumer progress, BooleanSupplier cancel) {
        int r = g.config().factor();
        int nx = lr.nx();
        int ny = lr.ny();
        int nz = lr.nz();
        long outVoxels = (long) nx * ny * nz * r * r * r;
        if (outVoxels > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("input volume", nx + "x" + ny + "x" + nz + " x" + r
                    + " would exceed the largest volume mrisr can hold (2^31 voxels)");
        }
        NormalizationParams np = normalizer.fit(lr);
        Volume norm = Normalizer.apply(lr, np);
        int ox = nx * r;
        int oy = ny * r;
        int oz = nz * r;
        Stitcher stitcher = new Stitcher(ox, oy, oz, outputAffine(lr.affine(), lr.shape(), r), lr.spaceCode(),
                options.blending() == PredictOptions.Blending.GAUSSIAN ? Stitcher.Weighting.GAUSSIAN
                        : Stitcher.Weighting.CONSTANT);
        int[] sx = WindowGrid.starts(nx, options.window(), options.overlap());
        int[] sy = WindowGrid.starts(ny, options.window(), options.overlap());
        int[] sz = WindowGrid.starts(nz, options.window(), options.overlap());
        int wx = WindowGrid.size(nx, options.window());
        int wy = WindowGrid.size(ny, options.window());
        int wz = WindowGrid.size(nz, options.window());
        int total = sx.length * sy.length * sz.length;
        int done = 0;
        for (int z0 : sz) {
            for (int y0 : sy) {
                for (int x0 : sx) {
                    if (cancel != null && cancel.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("prediction cancelled");
                    }
                    float[] out = window(norm.crop(x0, y0, z0, wx, wy, wz));
                    stitcher.add(x0 * r, y0 * r, z0 * r,
                            new Volume(wx * r, wy * r, wz * r, out, Affine.identity()));
                    done++;
                    if (progress != null) {
                        progress.accept(done / (double) total);
                    }
                }
            }
        }
        return Normalizer.invert(stitcher.finish(), np);
    }

    /** The scipy-zoom grid: output voxel i sits at input index i·(n−1)/(r·n−1). */
    public static Affine outputAffine(Affine in, int[] shape, int r) {
        double[] step = new double[3];
        for (int a = 0; a < 3; a++) {
            step[a] = shape[a] > 1 ? (shape[a] - 1) / (double) (r * shape[a] - 1) : 1.0 / r;
        }
        return in.resampled(new double[] {0, 0, 0}, step);
    }

    private float[] window(Volume crop) {
        // outside any workspace: evaluation-mode forward releases each activation once the next
        // exists (Layer.release), so a window costs about two activations of memory
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray x = Nd4j.create(crop.data(), new long[] {1, 1, crop.nz(), crop.ny(), crop.nx()}, 'c');
            INDArray y = g.forward(x, false);
            float[] out = (y.isView() || y.ordering() != 'c' ? y.dup('c') : y).data().asFloat();
            Layer.release(y);
            Layer.release(x);
            return out;
        }
    }
}
