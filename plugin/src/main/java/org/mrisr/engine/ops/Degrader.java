package org.mrisr.engine.ops;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/**
 * Simulates a low-resolution acquisition from a high-resolution volume, as the paper does:
 * Gaussian blur, then {@code scipy.ndimage.zoom} by 1/r, then optionally Rician noise. With the
 * defaults this equals {@code zoom(gaussian_filter(hr, 1), 1/r, order=3, prefilter=False)}: the
 * paper's evaluation degradation. The paper's training code used order 0 instead; we default to
 * the evaluation variant so that training pairs and test inputs come from the same process.
 *
 * <p>Per-axis factors model thick slices, e.g. (1, 1, 4). Note that a factor-1 axis is still
 * resampled by scipy's zoom: with order 3 and no prefilter that is a light [1/6, 4/6, 1/6]
 * smoothing, exactly as scipy does it; use σ 0 and order 1 on such an axis to leave it untouched.
 *
 * <p>Immutable; the {@code with…} methods return modified copies. Shapes: (nx, ny, nz) in,
 * (round(nx/rx), round(ny/ry), round(nz/rz)) out, with the affine of scipy's zoom grid.
 */
public final class Degrader {
    private final double[] factors;
    private final double[] sigmaVoxels; // null when sigmaMm is used
    private final double sigmaMm;
    private final int order;
    private final boolean prefilter;
    private final double noiseLevel;
    private final long noiseSeed;

    private Degrader(double[] factors, double[] sigmaVoxels, double sigmaMm, int order, boolean prefilter,
            double noiseLevel, long noiseSeed) {
        this.factors = factors;
        this.sigmaVoxels = sigmaVoxels;
        this.sigmaMm = sigmaMm;
        this.order = order;
        this.prefilter = prefilter;
        this.noiseLevel = noiseLevel;
        this.noiseSeed = noiseSeed;
    }

    /** Factor r on every axis, σ = 1 voxel, order 3, no prefilter, no noise. */
    public static Degrader of(double r) {
        return of(new double[] {r, r, r});
    }

    /** Per-axis factors (x, y, z), each ≥ 1 (1 value or 3); σ = 1 voxel, order 3, no prefilter. */
    public static Degrader of(double[] factors) {
        double[] f = GaussianBlur.perAxis(factors, "factor");
        for (double r : f) {
            if (!(r >= 1)) {
                throw new InvalidInputException("factor", "downsampling factor must be >= 1, got " + r);
            }
        }
        return new Degrader(f, new double[] {1, 1, 1}, Double.NaN, 3, false, 0, 0);
    }

    /** σ in voxels of the high-resolution grid: one value or one per axis; 0 skips an axis. */
    public Degrader withSigma(double... sigma) {
        return new Degrader(factors, GaussianBlur.perAxis(sigma, "sigma"), Double.NaN, order, prefilter, noiseLevel,
                noiseSeed);
    }

    /** σ in mm, converted per axis with the input's voxel size when applied. */
    public Degrader withSigmaMm(double mm) {
        if (!(mm >= 0) || Double.isInfinite(mm)) {
            throw new InvalidInputException("sigma-mm", "must be finite and >= 0, got " + mm);
        }
        return new Degrader(factors, null, mm, order, prefilter, noiseLevel, noiseSeed);
    }

    /** Interpolation order of the downsampling zoom: 0, 1 or 3. */
    public Degrader withOrder(int o) {
        if (o != 0 && o != 1 && o != 3) {
            throw new InvalidInputException("order", "interpolation order must be 0, 1 or 3, got " + o);
        }
        return new Degrader(factors, sigmaVoxels, sigmaMm, o, prefilter, noiseLevel, noiseSeed);
    }

    /** Whether order 3 prefilters (scipy's default; the paper's degradation does not). */
    public Degrader withPrefilter(boolean p) {
        return new Degrader(factors, sigmaVoxels, sigmaMm, order, p, noiseLevel, noiseSeed);
    }

    /** Rician noise with σ = level·max(LR) after downsampling (0 = none), reproducible by seed. */
    public Degrader withRicianNoise(double level, long seed) {
        if (!(level >= 0) || Double.isInfinite(level)) {
            throw new InvalidInputException("noise", "noise level must be finite and >= 0, got " + level);
        }
        return new Degrader(factors, sigmaVoxels, sigmaMm, order, prefilter, level, seed);
    }

    public double[] factors() {
        return factors.clone();
    }

    public int order() {
        return order;
    }

    public boolean prefilter() {
        return prefilter;
    }

    /** Rician noise σ as a fraction of max(LR); 0 without noise. */
    public double noiseLevel() {
        return noiseLevel;
    }

    /** σ per axis in voxels for this input (converts σ in mm when that was given). */
    public double[] sigmaVoxelsFor(Volume hr) {
        return sigmaVoxels != null ? sigmaVoxels.clone() : GaussianBlur.sigmaVoxelsFromMm(hr, sigmaMm);
    }

    /** The low-resolution volume for a high-resolution one. */
    public Volume apply(Volume hr) {
        Volume blurred = GaussianBlur.blur(hr, sigmaVoxelsFor(hr));
        double[] zoom = {1.0 / factors[0], 1.0 / factors[1], 1.0 / factors[2]};
        Volume lr = Zoom.zoom(blurred, zoom, order, prefilter);
        return noiseLevel > 0 ? RicianNoise.add(lr, noiseLevel, noiseSeed) : lr;
    }
}
