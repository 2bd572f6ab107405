package org.mrisr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Interleaved runs and the statistics reported from them. */
class InterleavedTest {
    private static final PrintStream LOG = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void sidesAlternateAndEachKeepsItsRunsInOrder() throws Exception {
        List<String> order = new ArrayList<>();
        double[] ours = {5, 1, 3};
        double[] theirs = {2, 8, 4};
        int[] i = {0, 0};
        Interleaved.Result r = Interleaved.run(3, () -> {
            order.add("mrisr");
            return Map.of("seconds", ours[i[0]++]);
        }, () -> {
            order.add("peer");
            return Map.of("seconds", theirs[i[1]++], "peakRssMb", 100.0 * i[1]);
        }, LOG, "test");
        assertEquals(List.of("mrisr", "peer", "mrisr", "peer", "mrisr", "peer"), order);
        Stats m = r.mrisr("seconds");
        assertEquals(List.of(5.0, 1.0, 3.0), m.runs());
        assertEquals(3.0, m.median());
        assertEquals(1.0, m.min());
        assertEquals(5.0, m.max());
        Stats p = r.peer("seconds");
        assertEquals(4.0, p.median());
        assertEquals(2.0, p.min());
        assertEquals(8.0, p.max());
        assertEquals(List.of(100.0, 200.0, 300.0), r.peer("peakRssMb").runs());
        assertTrue(r.mrisr("peakRssMb").isEmpty());
    }

    @Test
    void withoutPeerOnlyMrisrRuns() throws Exception {
        int[] calls = {0};
        Interleaved.Result r = Interleaved.run(2, () -> Map.of("s", (double) ++calls[0]), null, LOG, "test");
        assertEquals(2, calls[0]);
        assertTrue(r.peer("s").isEmpty());
        assertTrue(Double.isNaN(r.peer("s").median()));
    }

    @Test
    void medianOfEvenRunsIsTheMeanOfTheMiddleTwo() {
        Stats s = Stats.of(4, 1, 10, 2);
        assertEquals(3.0, s.median());
        assertEquals(1.0, s.min());
        assertEquals(10.0, s.max());
    }

    @Test
    void mapTransformsEveryRunSoTheRangeIsInTheNewUnit() {
        // seconds to throughput: the fastest run becomes the maximum
        Stats v = Stats.of(2, 4, 1).map(t -> 8 / t);
        assertEquals(List.of(4.0, 2.0, 8.0), v.runs());
        assertEquals(4.0, v.median());
        assertEquals(2.0, v.min());
        assertEquals(8.0, v.max());
    }

    @Test
    void advantageComparesMedians() {
        BenchRow time = BenchRow.of("srgan", "step", "s", Stats.of(1, 2, 30), Stats.of(4, 4, 5), "pytorch", false, 2);
        assertEquals(2.0, time.advantage(), 1e-12);
        BenchRow rate = BenchRow.of("io", "read", "MB/s", Stats.of(300, 100, 200), Stats.of(100), "nibabel", true, 2);
        assertEquals(2.0, rate.advantage(), 1e-12);
    }
}
