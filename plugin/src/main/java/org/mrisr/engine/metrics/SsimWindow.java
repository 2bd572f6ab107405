package org.mrisr.engine.metrics;

import java.util.Arrays;

/**
 * The sliding window of {@link Ssim3d}, both as scikit-image's {@code structural_similarity}
 * builds them (version 0.19):
 * <ul>
 * <li>{@link #UNIFORM7}: its defaults: a 7×7×7 box ({@code scipy.ndimage.uniform_filter(size=7)}),
 * sample covariance (N/(N−1) with N = 343).</li>
 * <li>{@link #GAUSS11}: Wang et al. 2004 (and MONAI): separable Gaussian σ = 1.5 truncated at
 * 3.5σ, i.e. radius int(3.5·1.5 + 0.5) = 5, 11 taps; population covariance. This is skimage with
 * {@code gaussian_weights=True, sigma=1.5, use_sample_covariance=False}.</li>
 * </ul>
 * Both filter with scipy's {@code mode='reflect'} border (d c b a | a b c d), and the mean SSIM
 * ignores window centres closer than {@link #radius()} voxels to a face, as skimage's
 * {@code crop(S, (win_size - 1) // 2)} does.
 */
public enum SsimWindow {
    UNIFORM7("uniform7", 3, Double.NaN, true),
    GAUSS11("gauss11", 5, 1.5, false);

    private final String label;
    private final int radius;
    private final double sigma;
    private final boolean sampleCovariance;

    SsimWindow(String label, int radius, double sigma, boolean sampleCovariance) {
        this.label = label;
        this.radius = radius;
        this.sigma = sigma;
        this.sampleCovariance = sampleCovariance;
    }

    /** The CLI/JSON name: uniform7 or gauss11. */
    public String label() {
        return label;
    }

    /** Half width: 3 or 5; also the border skipped by the mean. */
    public int radius() {
        return radius;
    }

    /** Taps per axis: 7 or 11. */
    public int size() {
        return 2 * radius + 1;
    }

    /**
     * The normalised 1D weights (length {@link #size()}, summing to 1), applied along x, y and z.
     * Gaussian weights are scipy's {@code _gaussian_kernel1d}: exp(−x²/2σ²) normalised by their sum.
     */
    public double[] weights() {
        double[] w = new double[size()];
        if (Double.isNaN(sigma)) {
            Arrays.fill(w, 1.0 / w.length);
            return w;
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double x = i - radius;
            w[i] = Math.exp(-0.5 / (sigma * sigma) * x * x);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Factor turning the windowed second moments into covariances: N/(N−1) (sample) or 1. */
    public double covarianceNorm() {
        if (!sampleCovariance) {
            return 1.0;
        }
        double n = Math.pow(size(), 3);
        return n / (n - 1);
    }

    /** Parses "uniform7" or "gauss11" (case-insensitive); null when unknown. */
    public static SsimWindow parse(String s) {
        for (SsimWindow w : values()) {
            if (w.label.equalsIgnoreCase(s)) {
                return w;
            }
        }
        return null;
    }
}
