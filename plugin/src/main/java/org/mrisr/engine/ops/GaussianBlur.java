package org.mrisr.engine.ops;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Volume;

/**
 * Separable Gaussian blur equal to {@code scipy.ndimage.gaussian_filter(v, sigma)} with its
 * defaults: kernel radius {@code int(4σ + 0.5)}, boundary 'reflect' (d c b a | a b c d | d c b a),
 * axes x, y, z in turn, each pass summed in float64 in scipy's order and stored as float32 before
 * the next axis. An axis with σ = 0 is left alone (scipy skips σ ≤ 1e-15).
 *
 * <p>Shapes are unchanged: (nx, ny, nz) in, (nx, ny, nz) out, same affine.
 */
public final class GaussianBlur {
    /** scipy's default kernel half-width, in standard deviations. */
    public static final double DEFAULT_TRUNCATE = 4.0;

    private GaussianBlur() {
    }

    /** Blur with σ in voxels: one value for all axes or one per axis (x, y, z). */
    public static Volume blur(Volume v, double... sigmaVoxels) {
        return blur(v, sigmaVoxels, DEFAULT_TRUNCATE);
    }

    /** Blur with σ in mm, converted per axis with the volume's voxel size. */
    public static Volume blurMm(Volume v, double sigmaMm) {
        return blur(v, sigmaVoxelsFromMm(v, sigmaMm), DEFAULT_TRUNCATE);
    }

    /** σ in voxels per axis for a σ in mm on this volume's grid. */
    public static double[] sigmaVoxelsFromMm(Volume v, double sigmaMm) {
        if (!(sigmaMm >= 0) || Double.isInfinite(sigmaMm)) {
            throw new InvalidInputException("sigma-mm", "must be finite and >= 0, got " + sigmaMm);
        }
        double[] vs = v.voxelSize();
        return new double[] {sigmaMm / vs[0], sigmaMm / vs[1], sigmaMm / vs[2]};
    }

    /** Blur with σ in voxels per axis and the kernel truncated at {@code truncate}·σ. */
    public static Volume blur(Volume v, double[] sigmaVoxels, double truncate) {
        double[] sigma = perAxis(sigmaVoxels, "sigma");
        float[] cur = v.data();
        float[] spare = null; // two buffers at most, whatever the number of passes
        for (int axis = 0; axis < 3; axis++) {
            if (sigma[axis] <= 1e-15) {
                continue;
            }
            double[] w = GaussianKernel.weights(sigma[axis], GaussianKernel.radius(sigma[axis], truncate));
            float[] out = spare != null ? spare : new float[cur.length];
            if (axis == 0) {
                passX(cur, out, v.nx(), v.ny() * v.nz(), w);
            } else {
                passRows(cur, out, v, axis, w);
            }
            spare = cur != v.data() ? cur : null;
            cur = out;
        }
        return v.withData(cur != v.data() ? cur : cur.clone());
    }

    static double[] perAxis(double[] values, String what) {
        if (values == null || (values.length != 1 && values.length != 3)) {
            throw new InvalidInputException(what, "needs 1 value or 3 (x, y, z)");
        }
        double[] r = values.length == 1 ? new double[] {values[0], values[0], values[0]} : values.clone();
        for (double s : r) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new InvalidInputException(what, "must be finite and >= 0, got " + s);
            }
        }
        return r;
    }

    /** scipy's 'reflect' index for any integer i on an axis of length n (period 2n). */
    static int reflect(int i, int n) {
        int p = 2 * n;
        int m = i % p;
        if (m < 0) {
            m += p;
        }
        return m < n ? m : p - 1 - m;
    }

    /**
     * Along x: each line is copied into a reflect-padded float64 buffer, as scipy's line buffer
     * does, then filtered for all x at once (same per-voxel arithmetic, vectorisable loop).
     */
    private static void passX(float[] src, float[] dst, int nx, int lines, double[] w) {
        int r = w.length / 2;
        Parallel.forRange(lines, (from, to) -> {
            double[] buf = new double[nx + 2 * r];
            double[] acc = new double[nx];
            for (int line = from; line < to; line++) {
                int base = line * nx;
                for (int i = 0; i < r; i++) {
                    buf[i] = src[base + reflect(i - r, nx)];
                    buf[nx + r + i] = src[base + reflect(nx + i, nx)];
                }
                for (int x = 0; x < nx; x++) {
                    buf[r + x] = src[base + x];
                }
                double w0 = w[r];
                for (int x = 0; x < nx; x++) {
                    acc[x] = buf[r + x] * w0;
                }
                for (int d = r; d >= 1; d--) {
                    double wd = w[r - d];
                    int lo = r - d;
                    int hi = r + d;
                    for (int x = 0; x < nx; x++) {
                        acc[x] += (buf[lo + x] + buf[hi + x]) * wd;
                    }
                }
                for (int x = 0; x < nx; x++) {
                    dst[base + x] = (float) acc[x];
                }
            }
        });
    }

    /**
     * Along y or z: whole x-rows at once (cache friendly), with per voxel the same float64
     * arithmetic in the same order as scipy's symmetric correlate1d: centre·w0, then the outermost
     * pair inward.
     */
    private static void passRows(float[] src, float[] dst, Volume v, int axis, double[] w) {
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        int len = axis == 1 ? ny : nz;
        int stride = axis == 1 ? nx : nx * ny;
        int r = w.length / 2;
        Parallel.forRange(ny * nz, (from, to) -> {
            double[] acc = new double[nx];
            for (int row = from; row < to; row++) {
                int y = row % ny;
                int z = row / ny;
                int c = axis == 1 ? y : z;
                int base = row * nx;
                double w0 = w[r];
                for (int x = 0; x < nx; x++) {
                    acc[x] = src[base + x] * w0;
                }
                for (int d = r; d >= 1; d--) {
                    int lo = base + (reflect(c - d, len) - c) * stride;
                    int hi = base + (reflect(c + d, len) - c) * stride;
                    double wd = w[r - d];
                    for (int x = 0; x < nx; x++) {
                        acc[x] += ((double) src[lo + x] + (double) src[hi + x]) * wd;
                    }
                }
                for (int x = 0; x < nx; x++) {
                    dst[base + x] = (float) acc[x];
                }
            }
        });
    }
}
