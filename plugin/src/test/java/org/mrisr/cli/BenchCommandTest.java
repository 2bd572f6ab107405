package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.cli.bench.BenchRow;

class BenchCommandTest {
    @Test
    void unknownSectionIsUsageError() {
        MainTest.Run r = MainTest.run("bench", "--only", "gpu");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown section 'gpu'"), r.err());
    }

    @Test
    void advantageFollowsDirection() {
        // Throughput: 200 MB/s vs 100 MB/s is 2x better; time: 1 s vs 3 s is 3x better.
        assertEquals(2.0, new BenchRow("io", "read", "MB/s", 200, 100, "nibabel", true).advantage(), 1e-12);
        assertEquals(3.0, new BenchRow("ops", "degrade", "s", 1, 3, "scipy", false).advantage(), 1e-12);
        assertTrue(Double.isNaN(new BenchRow("ops", "x", "s", 1, Double.NaN, null, false).advantage()));
    }

    @Test
    void repeatBelowOneIsUsageError() {
        MainTest.Run r = MainTest.run("bench", "--only", "io", "--repeat", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--repeat"), r.err());
    }
}
