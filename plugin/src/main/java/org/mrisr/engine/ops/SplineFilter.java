package org.mrisr.engine.ops;

import org.mrisr.engine.compute.Parallel;

/**
 * The cubic B-spline prefilter of {@code scipy.ndimage.spline_filter(v, 3, mode='mirror')}, in
 * float64 and in place: turns samples into spline coefficients so that cubic interpolation passes
 * through the samples. scipy's zoom uses this (mirror boundary) for its default mode 'constant'.
 *
 * <p>Axes are filtered x, y, z in turn with scipy's recursions (gain, causal mirror
 * initialisation, forward pass, anticausal initialisation, backward pass); axes of length 1 are
 * left alone, as in scipy.
 */
public final class SplineFilter {
    /** The single pole of the cubic B-spline filter: √3 − 2 (scipy's literal). */
    static final double POLE = -0.267949192431122706472553658494127633;

    private SplineFilter() {
    }

    /** The cubic B-spline coefficients of a volume (float64, mirror boundary at its faces). */
    static double[] coefficients(org.mrisr.engine.volume.Volume v) {
        float[] f = v.data();
        double[] c = new double[f.length];
        Parallel.forRange(f.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                c[i] = f[i];
            }
        });
        cubicInPlace(c, v.nx(), v.ny(), v.nz());
        return c;
    }

    /** Filters a float64 volume (x fastest, shape nx, ny, nz) in place along all three axes. */
    public static void cubicInPlace(double[] c, int nx, int ny, int nz) {
        if (c.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException("data length " + c.length + " != " + nx + "*" + ny + "*" + nz);
        }
        if (nx > 1) {
            Parallel.forRange(ny * nz, (from, to) -> {
                for (int line = from; line < to; line++) {
                    filterLine(c, line * nx, nx);
                }
            });
        }
        if (ny > 1) {
            // x-rows of one z-slice advance together through the recursion along y.
            Parallel.forRange(nz, (from, to) -> {
                for (int z = from; z < to; z++) {
                    filterRows(c, z * nx * ny, nx, ny, nx);
                }
            });
        }
        if (nz > 1) {
            Parallel.forRange(ny, (from, to) -> {
                for (int y = from; y < to; y++) {
                    filterRows(c, y * nx, nx, nz, nx * ny);
                }
            });
        }
    }

    private static double gain() {
        double g = 1.0;
        g *= (1.0 - POLE) * (1.0 - 1.0 / POLE);
        return g;
    }

    /** One contiguous line of length n ≥ 2 starting at off. */
    static void filterLine(double[] c, int off, int n) {
        double z = POLE;
        double g = gain();
        for (int i = 0; i < n; i++) {
            c[off + i] *= g;
        }
        double zn1 = Math.pow(z, n - 1);
        double c0 = c[off] + zn1 * c[off + n - 1];
        double zi = z;
        for (int i = 1; i < n - 1; i++) {
            c0 += zi * (c[off + i] + zn1 * c[off + n - 1 - i]);
            zi *= z;
        }
        c[off] = c0 / (1 - zn1 * zn1);
        for (int i = 1; i < n; i++) {
            c[off + i] += z * c[off + i - 1];
        }
        c[off + n - 1] = (z * c[off + n - 2] + c[off + n - 1]) * z / (z * z - 1);
        for (int i = n - 2; i >= 0; i--) {
            c[off + i] = z * (c[off + i + 1] - c[off + i]);
        }
    }

    /**
     * {@code width} parallel lines of length n ≥ 2: element i of line x is at
     * {@code off + x + i·stride}. Per element the arithmetic is exactly {@link #filterLine}'s.
     */
    static void filterRows(double[] c, int off, int width, int n, int stride) {
        double z = POLE;
        double g = gain();
        for (int i = 0; i < n; i++) {
            int o = off + i * stride;
            for (int x = 0; x < width; x++) {
                c[o + x] *= g;
            }
        }
        double zn1 = Math.pow(z, n - 1);
        int first = off;
        int last = off + (n - 1) * stride;
        double[] c0 = new double[width];
        for (int x = 0; x < width; x++) {
            c0[x] = c[first + x] + zn1 * c[last + x];
        }
        double zi = z;
        for (int i = 1; i < n - 1; i++) {
            int a = off + i * stride;
            int b = off + (n - 1 - i) * stride;
            for (int x = 0; x < width; x++) {
                c0[x] += zi * (c[a + x] + zn1 * c[b + x]);
            }
            zi *= z;
        }
        double denom = 1 - zn1 * zn1;
        for (int x = 0; x < width; x++) {
            c[first + x] = c0[x] / denom;
        }
        for (int i = 1; i < n; i++) {
            int a = off + i * stride;
            int p = a - stride;
            for (int x = 0; x < width; x++) {
                c[a + x] += z * c[p + x];
            }
        }
        int prev = last - stride;
        double q = z * z - 1;
        for (int x = 0; x < width; x++) {
            c[last + x] = (z * c[prev + x] + c[last + x]) * z / q;
        }
        for (int i = n - 2; i >= 0; i--) {
            int a = off + i * stride;
            int nx = a + stride;
            for (int x = 0; x < width; x++) {
                c[a + x] = z * (c[nx + x] - c[a + x]);
            }
        }
    }
}
