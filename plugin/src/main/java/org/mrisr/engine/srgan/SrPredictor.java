package org.mrisr.engine.srgan;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.Workspaces;
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
    private static final String WORKSPACE = "mrisr-predict";
    private final Generator g;
    private final PredictOptions options;

    public SrPredictor(Generator g, PredictOptions options) {
        this.g = g;
        this.options = options;
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
        Intensity intensity = Intensity.of(lr.data(), "input volume");
        Volume norm = lr.withData(intensity.normalise(lr.data()));
        int ox = nx * r;
        int oy = ny * r;
        int oz = nz * r;
        float[] acc = new float[(int) outVoxels];
        int[] sx = WindowGrid.starts(nx, options.window(), options.overlap());
        int[] sy = WindowGrid.starts(ny, options.window(), options.overlap());
        int[] sz = WindowGrid.starts(nz, options.window(), options.overlap());
        int wx = WindowGrid.size(nx, options.window());
        int wy = WindowGrid.size(ny, options.window());
        int wz = WindowGrid.size(nz, options.window());
        double[] bx = WindowGrid.weights(wx * r, options.blending());
        double[] by = WindowGrid.weights(wy * r, options.blending());
        double[] bz = WindowGrid.weights(wz * r, options.blending());
        double[] sumX = axisSums(ox, sx, r, bx);
        double[] sumY = axisSums(oy, sy, r, by);
        double[] sumZ = axisSums(oz, sz, r, bz);
        int total = sx.length * sy.length * sz.length;
        int done = 0;
        try {
            for (int z0 : sz) {
                for (int y0 : sy) {
                    for (int x0 : sx) {
                        if (cancel != null && cancel.getAsBoolean()) {
                            throw new java.util.concurrent.CancellationException("prediction cancelled");
                        }
                        float[] out = window(norm.crop(x0, y0, z0, wx, wy, wz));
                        int hx = wx * r;
                        int hy = wy * r;
                        int hz = wz * r;
                        for (int k = 0; k < hz; k++) {
                            for (int j = 0; j < hy; j++) {
                                double wjk = bz[k] * by[j];
                                int base = (x0 * r) + ox * ((y0 * r + j) + oy * (z0 * r + k));
                                int src = hx * (j + hy * k);
                                for (int i = 0; i < hx; i++) {
                                    acc[base + i] += (float) (out[src + i] * wjk * bx[i]);
                                }
                            }
                        }
                        done++;
                        if (progress != null) {
                            progress.accept(done / (double) total);
                        }
                    }
                }
            }
        } finally {
            Workspaces.destroy(WORKSPACE);
        }
        for (int k = 0; k < oz; k++) {
            for (int j = 0; j < oy; j++) {
                double s = sumZ[k] * sumY[j];
                int base = ox * (j + oy * k);
                for (int i = 0; i < ox; i++) {
                    acc[base + i] = (float) (acc[base + i] / (s * sumX[i]));
                }
            }
        }
        float[] data = intensity.denormalise(acc);
        return new Volume(ox, oy, oz, data, outputAffine(lr.affine(), lr.shape(), r), lr.spaceCode());
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

    private static double[] axisSums(int n, int[] starts, int r, double[] w) {
        double[] s = new double[n];
        for (int st : starts) {
            for (int i = 0; i < w.length; i++) {
                s[st * r + i] += w[i];
            }
        }
        return s;
    }
}
