package org.mrisr.engine.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One metric summarised over many volumes, as in the paper's Table 1: mean, standard deviation,
 * min, max, median. The standard deviation is the population one (numpy's default
 * {@code np.std(x)}, ddof = 0), not the sample one; the median averages the two middle values for
 * an even count (numpy's {@code np.median}).
 *
 * <p>An infinite value (PSNR of an identical pair) makes mean and std infinite or NaN, as numpy's
 * would; min/max/median stay meaningful.
 */
public record Summary(int count, double mean, double std, double min, double max, double median) {

    /** Summary of at least one value; NaN values are refused. */
    public static Summary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] v = values.clone();
        for (double x : v) {
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException("cannot summarise NaN values");
            }
        }
        Arrays.sort(v);
        int n = v.length;
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / n;
        double sq = 0;
        for (double x : v) {
            double d = x - mean;
            sq += d * d;
        }
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Summary(n, mean, Math.sqrt(sq / n), v[0], v[n - 1], median);
    }

    /** Summary of one metric over many scored pairs, e.g. {@code Summary.of(scores, VolumeScores::ssim)}. */
    public static Summary of(List<VolumeScores> scores, ToDoubleFunction<VolumeScores> metric) {
        return of(scores.stream().mapToDouble(metric).toArray());
    }
}
