package org.mrisr.engine.ops;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Volume;

/**
 * Intensity normalisation to roughly [−1, 1], fitted on the whole low-resolution volume (the only
 * volume inference has; never per patch, never on the HR), then applied with the same parameters
 * to the LR input and to the HR target of a training pair, and inverted on the network's output.
 *
 * <ul>
 * <li>{@link #HALF_MAX} (the paper): {@code (x − m/2)/(m/2)}, m = max of the LR volume.
 * <li>{@link #ROBUST_MAX}: the same form with m = a high percentile (e.g. 99.5) of the foreground
 * (voxels &gt; 0) instead of the maximum, so a few bright outlier voxels (a maximum 3× the 99.9th
 * percentile is common) do not squeeze the tissue into a fraction of the range a model was trained
 * on. Values above m map above 1 and are kept (not clipped), so the mapping stays invertible.
 * <li>{@link #MIN_MAX}: [min, max] → [−1, 1].
 * <li>{@link #PERCENTILE}: [p_low, p_high] percentiles (numpy's linear method) → [−1, 1]; values
 * beyond are not clipped, so the mapping stays invertible.
 * </ul>
 */
public final class Normalizer {
    public static final String HALF_MAX = "half-max";
    public static final String ROBUST_MAX = "robust-max";
    public static final String MIN_MAX = "min-max";
    public static final String PERCENTILE = "percentile";

    private final String method;
    private final double low;
    private final double high;

    private Normalizer(String method, double low, double high) {
        this.method = method;
        this.low = low;
        this.high = high;
    }

    /** The paper's (x − m/2)/(m/2). */
    public static Normalizer halfMax() {
        return new Normalizer(HALF_MAX, Double.NaN, Double.NaN);
    }

    /** (x − m/2)/(m/2) with m the given percentile (0 &lt; p ≤ 100) of the voxels &gt; 0, e.g. 99.5. */
    public static Normalizer robustMax(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new InvalidInputException("percentile", "need 0 < percentile <= 100, got " + percentile);
        }
        return new Normalizer(ROBUST_MAX, Double.NaN, percentile);
    }

    public static Normalizer minMax() {
        return new Normalizer(MIN_MAX, Double.NaN, Double.NaN);
    }

    /** Percentiles in 0..100, low &lt; high, e.g. (0.5, 99.5). */
    public static Normalizer percentile(double lowPercentile, double highPercentile) {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new InvalidInputException("percentile", "need 0 <= low < high <= 100, got " + lowPercentile + ", "
                    + highPercentile);
        }
        return new Normalizer(PERCENTILE, lowPercentile, highPercentile);
    }

    /** The normaliser that fitted these parameters, to fit the same way on another volume. */
    public static Normalizer like(NormalizationParams p) {
        return switch (p.method()) {
            case PERCENTILE -> percentile(p.lowPercentile(), p.highPercentile());
            case ROBUST_MAX -> robustMax(p.highPercentile());
            default -> new Normalizer(p.method(), Double.NaN, Double.NaN);
        };
    }

    /** Computes the parameters from the whole LR volume. */
    public NormalizationParams fit(Volume lr) {
        double lo;
        double hi;
        switch (method) {
            case HALF_MAX:
                double m = lr.minMax()[1];
                if (!(m > 0)) {
                    throw new InvalidInputException("normalisation", "the volume's maximum is " + m
                            + "; (x - m/2)/(m/2) needs a positive maximum (use min-max for other data)");
                }
                return new NormalizationParams(method, Double.NaN, Double.NaN, m / 2, m / 2);
            case ROBUST_MAX:
                float[] fg = foreground(lr.data());
                if (fg.length == 0) {
                    throw new InvalidInputException("normalisation", "the volume has no voxel above 0; robust-max "
                            + "normalisation needs a foreground (use min-max for other data)");
                }
                Parallel.sort(fg);
                double q = percentileOfSorted(fg, high);
                return new NormalizationParams(method, Double.NaN, high, q / 2, q / 2);
            case MIN_MAX:
                float[] mm = lr.minMax();
                lo = mm[0];
                hi = mm[1];
                break;
            default:
                float[] sorted = lr.data().clone();
                Parallel.sort(sorted);
                lo = percentileOfSorted(sorted, low);
                hi = percentileOfSorted(sorted, high);
        }
        if (!(hi > lo)) {
            throw new InvalidInputException("normalisation", method + " needs distinct intensities, but low = high = "
                    + lo + " (constant volume?)");
        }
        return new NormalizationParams(method, low, high, (lo + hi) / 2, (hi - lo) / 2);
    }

    /** The voxels above 0, in any order. */
    private static float[] foreground(float[] d) {
        int n = 0;
        for (float v : d) {
            if (v > 0) {
                n++;
            }
        }
        float[] fg = new float[n];
        int i = 0;
        for (float v : d) {
            if (v > 0) {
                fg[i++] = v;
            }
        }
        return fg;
    }

    /** numpy.percentile(a, p) with the default 'linear' method on sorted data (NaNs sort last). */
    static double percentileOfSorted(float[] sorted, double p) {
        int n = sorted.length;
        double pos = p / 100.0 * (n - 1);
        int i = (int) Math.floor(pos);
        if (i >= n - 1) {
            return sorted[n - 1];
        }
        double t = pos - i;
        double a = sorted[i];
        double b = sorted[i + 1];
        double diff = b - a;
        // numpy's _lerp: evaluated from the nearer end for stability
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** A new volume with {@code (x − offset)/scale}; same geometry. */
    public static Volume apply(Volume v, NormalizationParams p) {
        float[] src = v.data();
        float[] dst = new float[src.length];
        double off = p.offset();
        double sc = p.scale();
        Parallel.forRange(src.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                dst[i] = (float) ((src[i] - off) / sc);
            }
        });
        return v.withData(dst);
    }

    /** A new volume with {@code y·scale + offset}: intensities back in the LR's units. */
    public static Volume invert(Volume v, NormalizationParams p) {
        float[] src = v.data();
        float[] dst = new float[src.length];
        double off = p.offset();
        double sc = p.scale();
        Parallel.forRange(src.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                dst[i] = (float) (src[i] * sc + off);
            }
        });
        return v.withData(dst);
    }
}
