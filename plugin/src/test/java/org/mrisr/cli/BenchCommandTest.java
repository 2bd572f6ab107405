package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mrisr.cli.bench.BenchRow;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
    void jsonHasNullForMissingPeer() {
        String s = BenchCommand.toJson(List.of(new BenchRow("srgan", "rss", "MB", 10, Double.NaN, null, false)), List.of());
        JsonObject o = new JsonParser().parse(s).getAsJsonObject();
        JsonObject row = o.getAsJsonArray("rows").get(0).getAsJsonObject();
        assertEquals(10.0, row.get("mrisr").getAsDouble());
        assertTrue(row.get("peer").isJsonNull());
        assertTrue(row.get("advantage").isJsonNull());
    }

    @Test
    void tableHasOneLinePerRowPlusHeader() {
        String t = BenchCommand.toTable(List.of(new BenchRow("io", "read", "MB/s", 200, 100, "nibabel", true),
                new BenchRow("io", "write", "MB/s", 50, 100, "nibabel", true)));
        assertEquals(3, t.lines().count());
        assertTrue(t.contains("2.00") && t.contains("0.50"), t);
    }
}
