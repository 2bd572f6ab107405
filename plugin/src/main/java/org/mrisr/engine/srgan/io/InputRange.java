package org.mrisr.engine.srgan.io;

import java.util.List;

import org.mrisr.engine.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The spread of the training volumes' LR profiles, so that input warnings compare with all of them and not
 * with the first volume alone: per axis the smallest and largest LR voxel size (mm) and the smallest and
 * largest mean normalised foreground intensity. model.json's {@code trainingInput.lrVoxelSizeRangeMm}
 * ({@code [[min x, y, z], [max x, y, z]]}) and {@code trainingInput.lrMeanNormalisedForegroundRange}
 * ({@code [min, max]}); files without them (older ones) compare with the single recorded profile.
 */
public record InputRange(double[] voxelMin, double[] voxelMax, double meanMin, double meanMax) {
    public InputRange {
        for (int a = 0; a < 3; a++) {
            if (!(voxelMin[a] > 0 && voxelMin[a] <= voxelMax[a] && Double.isFinite(voxelMax[a]))) {
                throw new IllegalArgumentException("voxel size range must be 0 < min <= max, finite");
            }
        }
        if (!(meanMin <= meanMax) || !Double.isFinite(meanMin) || !Double.isFinite(meanMax)) {
            throw new IllegalArgumentException("mean intensity range must be finite with min <= max");
        }
        voxelMin = voxelMin.clone();
        voxelMax = voxelMax.clone();
    }

    /** The range of these profiles (one voxel size and one mean per training volume; at least one). */
    public static InputRange of(List<double[]> voxelSizes, List<Double> means) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {0, 0, 0};
        for (double[] v : voxelSizes) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], v[a]);
                hi[a] = Math.max(hi[a], v[a]);
            }
        }
        double mlo = means.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).min().orElse(0);
        double mhi = means.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(0);
        return new InputRange(lo, hi, mlo, mhi);
    }

    @Override
    public double[] voxelMin() {
        return voxelMin.clone();
    }

    @Override
    public double[] voxelMax() {
        return voxelMax.clone();
    }

    /** Adds the two fields to model.json's {@code trainingInput}. */
    void write(JsonObject trainingInput) {
        JsonArray vs = new JsonArray();
        vs.add(array(voxelMin));
        vs.add(array(voxelMax));
        trainingInput.add("lrVoxelSizeRangeMm", vs);
        trainingInput.add("lrMeanNormalisedForegroundRange", array(new double[] {meanMin, meanMax}));
    }

    /** The range a model file records, null when it records none; a malformed one is refused naming the file. */
    static InputRange read(JsonObject trainingInput, String src) {
        if (!trainingInput.has("lrVoxelSizeRangeMm") && !trainingInput.has("lrMeanNormalisedForegroundRange")) {
            return null;
        }
        try {
            JsonElement v = trainingInput.get("lrVoxelSizeRangeMm");
            JsonArray vs = v != null && v.isJsonArray() ? v.getAsJsonArray() : null;
            if (vs == null || vs.size() != 2) {
                throw new InvalidInputException(src, "field 'trainingInput.lrVoxelSizeRangeMm' must be [[min x, y, z], "
                        + "[max x, y, z]]");
            }
            double[] lo = numbers(vs.get(0), 3, src, "trainingInput.lrVoxelSizeRangeMm[0]");
            double[] hi = numbers(vs.get(1), 3, src, "trainingInput.lrVoxelSizeRangeMm[1]");
            double[] m = numbers(trainingInput.get("lrMeanNormalisedForegroundRange"), 2, src,
                    "trainingInput.lrMeanNormalisedForegroundRange");
            return new InputRange(lo, hi, m[0], m[1]);
        } catch (ClassCastException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw new InvalidInputException(src, "trainingInput ranges: " + e.getMessage());
        }
    }

    private static double[] numbers(JsonElement e, int n, String src, String field) {
        JsonArray a = e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
        if (a == null || a.size() != n) {
            throw new InvalidInputException(src, "field '" + field + "' must be a list of " + n + " numbers");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = ConfigJson.number(a.get(i), field + "[" + i + "]", src);
        }
        return d;
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }
}
