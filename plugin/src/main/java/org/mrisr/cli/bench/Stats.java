package org.mrisr.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The runs of one figure in the order they were measured, with their median, min and max. The
 * median of an even number of runs is the mean of the two middle ones.
 *
 * @param runs every run's value, in measurement order (empty: not measured)
 */
public record Stats(List<Double> runs) {
    /** Not measured (no peer, or a section that failed before this figure). */
    public static final Stats NONE = new Stats(List.of());

    public Stats {
        runs = List.copyOf(runs);
    }

    public static Stats of(double... values) {
        List<Double> l = new ArrayList<>();
        for (double v : values) {
            l.add(v);
        }
        return new Stats(l);
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    public double median() {
        if (runs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(runs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Each run transformed (e.g. seconds to voxels/s), so median and range are those of the new unit. */
    public Stats map(DoubleUnaryOperator f) {
        return new Stats(runs.stream().map(f::applyAsDouble).toList());
    }
}
