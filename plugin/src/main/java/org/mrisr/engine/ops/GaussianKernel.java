package org.mrisr.engine.ops;

/**
 * The 1D Gaussian weights of {@code scipy.ndimage.gaussian_filter1d}: radius
 * {@code int(truncate·σ + 0.5)}, weights {@code exp(−0.5/σ²·x²)} for x = −radius..radius, divided
 * by their sum. The sum follows numpy's pairwise summation. numpy's vectorised exp is not always
 * correctly rounded while {@link StrictMath#exp} is reproducible everywhere, so a weight can differ
 * from scipy's in the last float64 bit or two (measured: ≤ 2 ulps), far below float32 resolution:
 * blurred volumes come out bit-identical to scipy's on ch2bet.
 */
public final class GaussianKernel {
    private GaussianKernel() {
    }

    /** scipy's kernel radius for σ (voxels) and truncate (in σ). */
    public static int radius(double sigma, double truncate) {
        return (int) (truncate * sigma + 0.5);
    }

    /** The 2·radius+1 normalised weights, centre at index radius. */
    public static double[] weights(double sigma, int radius) {
        double a = -0.5 / (sigma * sigma);
        double[] phi = new double[2 * radius + 1];
        for (int i = 0; i < phi.length; i++) {
            long x = i - radius;
            phi[i] = StrictMath.exp(a * (double) (x * x));
        }
        double sum = pairwiseSum(phi, 0, phi.length);
        for (int i = 0; i < phi.length; i++) {
            phi[i] /= sum;
        }
        return phi;
    }

    /** numpy's float64 add.reduce on a contiguous array (pairwise, 8 accumulators, 128 blocks). */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double r = 0;
            for (int i = 0; i < n; i++) {
                r += a[from + i];
            }
            return r;
        }
        if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
}
