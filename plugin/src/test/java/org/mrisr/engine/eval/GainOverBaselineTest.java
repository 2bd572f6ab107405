package org.mrisr.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.VolumeScores;

class GainOverBaselineTest {
    private static VolumeScores s(final double psnr, final double ssim) {
        return new VolumeScores(psnr, ssim, 0, 0, 0, 1, SsimWindow.UNIFORM7, DataRangePolicy.paper(), null, -1);
    }

    /** Paper policy gets (psnr, ssim); reference gets psnr − 10 and ssim − 0.1, so the two stay apart. */
    private static MethodComparison.Row row(final String block, final String method, final double psnr, final double ssim) {
        return new MethodComparison.Row("v", block, method, s(psnr + 1, ssim), s(psnr, ssim), s(psnr - 10, ssim - 0.1));
    }

    @Test
    void gainsArePairedPerBlockWithSpreadAndWins() {
        List<MethodComparison.Row> rows = new ArrayList<>();
        // The model wins PSNR in blocks 1 and 2 (+2, +4) and loses in 3 (-1); SSIM: +0.01, -0.02, +0.04.
        rows.add(row("block 1", "cubic spline", 30, 0.90));
        rows.add(row("block 2", "cubic spline", 20, 0.80));
        rows.add(row("block 3", "cubic spline", 25, 0.70));
        rows.add(row("block 3", "model", 24, 0.74));
        rows.add(row("block 1", "model", 32, 0.91));
        rows.add(row("block 2", "model", 24, 0.78));
        rows.add(row("block 1", "nearest", 28, 0.85));
        rows.add(row("block 2", "nearest", 19, 0.75));
        rows.add(row("block 3", "nearest", 22, 0.60));
        List<GainOverBaseline> g = GainOverBaseline.of(rows, "cubic spline", "paper");
        assertEquals(List.of("model", "nearest"), g.stream().map(GainOverBaseline::method).toList());
        GainOverBaseline m = g.get(0);
        assertEquals(3, m.count());
        assertEquals(5.0 / 3, m.psnr().mean(), 1e-12);
        assertEquals(Math.sqrt(((2 - 5.0 / 3) * (2 - 5.0 / 3) + (4 - 5.0 / 3) * (4 - 5.0 / 3) + (-1 - 5.0 / 3) * (-1 - 5.0 / 3)) / 3),
            m.psnr().std(), 1e-12);
        assertEquals(-1, m.psnr().min(), 1e-12);
        assertEquals(2, m.psnrWins());
        assertEquals(0.01, m.ssim().mean(), 1e-12);
        assertEquals(2, m.ssimWins());
        assertEquals(0, g.get(1).psnrWins());
        // The reference policy is shifted by the same amount for both, so the gains are the same.
        assertEquals(5.0 / 3, GainOverBaseline.of(rows, "cubic spline", "reference").get(0).psnr().mean(), 1e-12);

        String t = GainOverBaseline.table(rows, "cubic spline");
        assertTrue(t.contains("model") && t.contains("+1.67 ±") && t.contains("(2/3)") && t.contains("+0.0100 ±"), t);
    }

    @Test
    void anExactBlockCountsAsAWinButStaysOutOfTheMean() {
        List<MethodComparison.Row> rows = List.of(row("b1", "cubic spline", 30, 0.9), row("b2", "cubic spline", 30, 0.9),
            row("b1", "model", Double.POSITIVE_INFINITY, 1.0), row("b2", "model", 31, 0.95));
        GainOverBaseline g = GainOverBaseline.of(rows, "cubic spline", "paper").get(0);
        assertEquals(2, g.psnrWins());
        assertEquals(1, g.psnr().count());
        assertEquals(1.0, g.psnr().mean(), 1e-12);
        assertEquals(2, g.count());
    }

    @Test
    void unpairedRowsAndAMissingBaselineAreRefused() {
        List<MethodComparison.Row> rows = List.of(row("b1", "cubic spline", 30, 0.9), row("b2", "cubic spline", 30, 0.9),
            row("b1", "model", 31, 0.95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GainOverBaseline.of(rows, "cubic spline", "paper"));
        assertTrue(e.getMessage().contains("model has no score for v b2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GainOverBaseline.of(rows, "bicubic", "paper"));
    }
}
