package org.mrisr.engine.thick;

import java.util.Locale;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.GaussianBlur;
import org.mrisr.engine.ops.GaussianKernel;
import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Volume;

/**
 * The slice selection profile: how much of the tissue at a distance from a slice centre a thick
 * slice averages, as a 1D kernel on the fine grid. {@link Shape#GAUSSIAN} has the given full width
 * at half maximum (σ = FWHM / (2·sqrt(2·ln 2)); scipy's radius int(4σ + 0.5) and weights, so the
 * blur equals {@code scipy.ndimage.gaussian_filter1d}); {@link Shape#BOX} is the ideal rectangular
 * slab of width FWHM, each fine voxel weighted by the length of the slab it overlaps.
 *
 * <p>{@link #thickSlices} simulates a thick-slice acquisition: this kernel along one axis with
 * scipy's 'reflect' boundary, then every factor-th fine slice (0, r, 2r, …) kept. Training applies
 * the same operator to in-plane lines ({@link #sampleLine}).
 *
 * @param shape       Gaussian or box
 * @param fwhmVoxels  full width at half maximum in fine voxels (&gt; 0)
 */
public record SliceProfile(Shape shape, double fwhmVoxels) {
    /** The two profile models. */
    public enum Shape {
        GAUSSIAN, BOX;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Shape parse(String s, String source) {
            for (Shape p : values()) {
                if (p.label().equalsIgnoreCase(s.strip())) {
                    return p;
                }
            }
            throw new InvalidInputException(source, "slice profile must be gaussian or box, got '" + s + "'");
        }
    }

    /** FWHM / σ of a Gaussian: 2·sqrt(2·ln 2). */
    public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    public SliceProfile {
        if (shape == null) {
            throw new InvalidInputException("slice profile", "no profile shape given");
        }
        if (!(fwhmVoxels > 0) || Double.isInfinite(fwhmVoxels)) {
            throw new InvalidInputException("slice profile", "FWHM must be positive and finite, got " + fwhmVoxels);
        }
    }

    /** The profile of a geometry's slices on its fine grid. */
    public static SliceProfile of(Shape shape, ThickGeometry g) {
        return new SliceProfile(shape, g.fwhmFineVoxels());
    }

    public double sigma() {
        return fwhmVoxels / FWHM_PER_SIGMA;
    }

    /** The normalised kernel, odd length, centre in the middle. */
    public double[] kernel() {
        if (shape == Shape.GAUSSIAN) {
            double s = sigma();
            return GaussianKernel.weights(s, GaussianKernel.radius(s, GaussianBlur.DEFAULT_TRUNCATE));
        }
        double half = fwhmVoxels / 2;
        int radius = (int) Math.ceil(half - 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double overlap = Math.min(i + 0.5, half) - Math.max(i - 0.5, -half);
            k[i + radius] = Math.max(0, overlap);
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * The thick-slice volume a scanner with this profile would record of {@code fine}: the kernel
     * along {@code axis}, then fine slices 0, r, 2r, … kept ({@code floor((n − 1)/r) + 1} of them).
     * The affine steps r fine slices per thick slice, first slice centre unchanged, so refining the
     * result with {@link ThickGeometry#outputAffine} gives {@code fine}'s affine back.
     */
    public Volume thickSlices(Volume fine, int axis, int factor) {
        if (factor < 1) {
            throw new InvalidInputException("factor", "must be >= 1, got " + factor);
        }
        int[] n = fine.shape();
        int[] out = n.clone();
        out[axis] = (n[axis] - 1) / factor + 1;
        int[] stride = {1, n[0], n[0] * n[1]};
        int[] outStride = {1, out[0], out[0] * out[1]};
        int u = (axis + 1) % 3;
        int v = (axis + 2) % 3;
        double[] k = kernel();
        float[] src = fine.data();
        float[] dst = new float[out[0] * out[1] * out[2]];
        Parallel.forRange(n[v], (from, to) -> {
            for (int j = from; j < to; j++) {
                for (int i = 0; i < n[u]; i++) {
                    sampleLine(src, i * stride[u] + j * stride[v], stride[axis], n[axis], k, 0, factor, out[axis], dst,
                            i * outStride[u] + j * outStride[v], outStride[axis]);
                }
            }
        });
        double[] step = {1, 1, 1};
        step[axis] = factor;
        return new Volume(out[0], out[1], out[2], dst, fine.affine().resampled(new double[] {0, 0, 0}, step),
                fine.spaceCode());
    }

    /**
     * One line of the degradation: {@code dst[dOff + j·dStride] = Σ_t kernel[t]·src[line(start + j·step + t − R)]}
     * for j &lt; count, where {@code line(i) = src[off + reflect(i)·stride]} on a line of n samples
     * (scipy's 'reflect': d c b a | a b c d | d c b a) and R the kernel radius. Sums in float64.
     */
    static void sampleLine(float[] src, int off, int stride, int n, double[] kernel, int start, int step, int count,
            float[] dst, int dOff, int dStride) {
        int r = kernel.length / 2;
        for (int j = 0; j < count; j++) {
            int c = start + j * step;
            double acc = 0;
            for (int t = 0; t < kernel.length; t++) {
                acc += kernel[t] * src[off + GaussianBlur.reflect(c + t - r, n) * stride];
            }
            dst[dOff + j * dStride] = (float) acc;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, FWHM %.3g fine voxels", shape.label(), fwhmVoxels);
    }
}
