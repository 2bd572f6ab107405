package org.mrisr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

/** The table and the --json output. */
class BenchReportTest {
    private static final MachinePeak PEAK = new MachinePeak(2, "test", 2.5, "test", 32, "test"); // 160 GFLOP/s
    private static final BenchOptions OPTIONS = new BenchOptions(3, 2);

    private static List<BenchRow> rows() {
        BenchRow net = BenchRow.of("srgan", "inference LR64 subpixel", "LR voxels/s", Stats.of(30, 10, 20),
                Stats.of(40, 30, 35), "pytorch 1.13", true, 2).withGflops(Stats.of(48, 16, 32), Stats.of(64, 48, 56));
        BenchRow alone = BenchRow.of("srgan", "shipped x4 peak RSS", "MB", Stats.of(900, 1000, 950), Stats.NONE, null,
                false, 2);
        return List.of(net, alone);
    }

    @Test
    void jsonHasEveryFigureOfEveryRow() {
        JsonObject o = new JsonParser().parse(BenchReport.json(rows(), List.of("thick: boom"), OPTIONS, PEAK))
                .getAsJsonObject();
        assertEquals(3, o.get("repeat").getAsInt());
        assertEquals(2, o.get("threads").getAsInt());
        assertEquals(160.0, o.getAsJsonObject("machine").get("peak_gflops").getAsDouble(), 1e-9);
        JsonObject r = o.getAsJsonArray("rows").get(0).getAsJsonObject();
        assertEquals("inference LR64 subpixel", r.get("name").getAsString());
        assertEquals("LR voxels/s", r.get("unit").getAsString());
        assertEquals(20.0, r.get("median").getAsDouble());
        assertEquals(10.0, r.get("min").getAsDouble());
        assertEquals(30.0, r.get("max").getAsDouble());
        JsonArray runs = r.getAsJsonArray("runs");
        assertEquals(3, runs.size());
        assertEquals(30.0, runs.get(0).getAsDouble());
        JsonObject peer = r.getAsJsonObject("peer");
        assertEquals("pytorch 1.13", peer.get("name").getAsString());
        assertEquals(35.0, peer.get("median").getAsDouble());
        assertEquals(56.0, peer.get("gflops").getAsDouble());
        assertEquals(0.35, peer.get("share").getAsDouble(), 1e-12);
        assertEquals(20.0 / 35, r.get("ratio").getAsDouble(), 1e-12);
        assertEquals(2, r.get("threads").getAsInt());
        assertEquals(32.0, r.get("gflops").getAsDouble());
        assertEquals(0.2, r.get("share").getAsDouble(), 1e-12);

        JsonObject alone = o.getAsJsonArray("rows").get(1).getAsJsonObject();
        assertTrue(alone.get("peer").isJsonNull());
        assertTrue(alone.get("ratio").isJsonNull());
        assertTrue(alone.get("gflops").isJsonNull());
        assertEquals(950.0, alone.get("median").getAsDouble());
        assertEquals("thick: boom", o.getAsJsonArray("failures").get(0).getAsString());
    }

    @Test
    void tableSaysHowItMeasuredAndShowsRangesAndShares() {
        String t = BenchReport.table(rows(), OPTIONS, PEAK);
        assertTrue(t.contains("median [min-max] of 3 runs"), t);
        assertTrue(t.contains("threads pinned to 2"), t);
        assertTrue(t.contains("VmHWM"), t);
        assertTrue(t.contains("machine peak 160.0 GFLOP/s"), t);
        String row = t.lines().filter(l -> l.contains("inference LR64")).findFirst().orElseThrow();
        assertTrue(row.contains("20.000 [10.000-30.000]"), row);
        assertTrue(row.contains("35.000 [30.000-40.000]"), row);
        assertTrue(row.contains("0.57"), row); // x better
        assertTrue(row.contains("32.0 / 56.0"), row); // GFLOP/s
        assertTrue(row.contains("20.0 / 35.0"), row); // % of peak
        // 4 condition lines, a header, two rows
        assertEquals(7, t.lines().count());
    }
}
