package org.mrisr.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Runs mrisr's and the peer's measurement of the same figures alternately, mrisr, peer, mrisr, peer,
 * ..., so a slow phase of a shared machine (another job starting, thermal limits) falls on both
 * sides rather than on one.
 */
final class Interleaved {
    /** One run of one side: named figures, e.g. {"seconds": 1.2, "peakRssMb": 800}. */
    interface Trial {
        Map<String, Double> run() throws Exception;
    }

    /** Every run's figures of both sides, by name. */
    record Result(Map<String, List<Double>> ours, Map<String, List<Double>> theirs) {
        Stats mrisr(String figure) {
            return new Stats(ours.getOrDefault(figure, List.of()));
        }

        Stats peer(String figure) {
            return new Stats(theirs.getOrDefault(figure, List.of()));
        }
    }

    private Interleaved() {
    }

    /** {@code runs} rounds of mrisr then peer; {@code peer} null: mrisr only. */
    static Result run(int runs, Trial mrisr, Trial peer, PrintStream log, String what) throws Exception {
        Map<String, List<Double>> ours = new LinkedHashMap<>();
        Map<String, List<Double>> theirs = new LinkedHashMap<>();
        for (int i = 1; i <= runs; i++) {
            log.println("bench: " + what + " run " + i + "/" + runs + ": mrisr" + (peer == null ? "" : ", then peer"));
            add(ours, mrisr.run());
            if (peer != null) {
                add(theirs, peer.run());
            }
        }
        return new Result(ours, theirs);
    }

    /** The numeric entries of a child's JSON result, as one run's figures. */
    static Map<String, Double> numbers(JsonObject o) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber()) {
                m.put(e.getKey(), e.getValue().getAsDouble());
            }
        }
        return m;
    }

    private static void add(Map<String, List<Double>> into, Map<String, Double> figures) {
        figures.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
}
