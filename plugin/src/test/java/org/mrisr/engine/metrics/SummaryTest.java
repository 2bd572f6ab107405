package org.mrisr.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.mrisr.testutil.Python;

/** The Table-1 style summary against numpy's mean/std (ddof=0)/min/max/median. */
class SummaryTest {

    @Test
    void matchesNumpy() {
        Python.require("numpy");
        for (int n : new int[] {1, 2, 7, 10}) {
            Random rnd = new Random(n);
            double[] v = new double[n];
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < n; i++) {
                v[i] = 20 + 15 * rnd.nextDouble();
                list.append(i == 0 ? "" : ",").append(Double.toString(v[i]));
            }
            String out = Python.run("import json, sys, numpy as np\n"
                    + "v = np.array([float(x) for x in sys.argv[1].split(',')])\n"
                    + "print(json.dumps(dict(mean=v.mean(), std=v.std(), min=v.min(), max=v.max(), median=float(np.median(v)))))",
                    list.toString());
            JsonObject np = new JsonParser().parse(out.strip()).getAsJsonObject();
            Summary s = Summary.of(v);
            assertEquals(n, s.count());
            assertEquals(np.get("mean").getAsDouble(), s.mean(), 1e-12);
            assertEquals(np.get("std").getAsDouble(), s.std(), 1e-12);
            assertEquals(np.get("min").getAsDouble(), s.min(), 0);
            assertEquals(np.get("max").getAsDouble(), s.max(), 0);
            assertEquals(np.get("median").getAsDouble(), s.median(), 1e-12);
        }
    }

    @Test
    void populationStdAndEvenMedian() {
        Summary s = Summary.of(4, 1, 3, 2);
        assertEquals(2.5, s.mean());
        assertEquals(Math.sqrt(1.25), s.std(), 1e-15);
        assertEquals(2.5, s.median());
        assertEquals(1, s.min());
        assertEquals(4, s.max());
    }

    @Test
    void summarisesOneMetricOfManyPairs() {
        VolumeScores a = new VolumeScores(30, 0.9, 1, 0.1, 0.5, 255, SsimWindow.UNIFORM7, DataRangePolicy.paper(), null, -1);
        VolumeScores b = new VolumeScores(34, 0.8, 1, 0.1, 0.5, 255, SsimWindow.UNIFORM7, DataRangePolicy.paper(), null, -1);
        assertEquals(32, Summary.of(List.of(a, b), VolumeScores::psnr).mean());
        assertEquals(0.05, Summary.of(List.of(a, b), VolumeScores::ssim).std(), 1e-15);
    }

    @Test
    void refusesNothingAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of());
        assertThrows(IllegalArgumentException.class, () -> Summary.of(1, Double.NaN));
    }
}
