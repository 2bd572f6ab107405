package org.mrisr.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class MethodComparisonTest {
    /** A bright ball in a zero background with a margin, so the head box is smaller than the grid. */
    private static Volume ball() {
        int n = 32;
        float[] d = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double r = Math.sqrt((x - 15.5) * (x - 15.5) + (y - 13.5) * (y - 13.5) + (z - 16.5) * (z - 16.5));
                    d[x + n * (y + n * z)] = r < 9 ? (float) (100 + 20 * Math.sin(x * 0.9) * Math.cos(y * 0.7) + z) : 0;
                }
            }
        }
        return new Volume(n, n, n, d, Affine.identity());
    }

    @Test
    void wholePolicyScoresTheHeadBoxWithoutMaskAndRangeOfHr() {
        Volume hr = ball();
        MethodComparison cmp = new MethodComparison(2, Degrader.of(2), 2);
        List<MethodComparison.Row> rows = cmp.compare(hr, "ball", MethodComparison.baselines(2), null, null, null);
        MethodComparison.Row cubic = rows.stream().filter(r -> r.method().equals("cubic spline")).findFirst().orElseThrow();
        int[] box = BrainMask.fromIntensity(hr).boundingBox();
        assertArrayEquals(new int[] {7, 5, 8, 18, 18, 18}, box);
        Volume up = Interpolator.cubic(Degrader.of(2).apply(hr), 2);
        VolumeScores expected = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.reference(), MaskMode.SELECT, 1)
                .score(hr.crop(7, 5, 8, 18, 18, 18), up.crop(7, 5, 8, 18, 18, 18), null);
        assertEquals(expected.psnr(), cubic.whole().psnr(), 1e-9);
        assertEquals(expected.ssim(), cubic.whole().ssim(), 1e-12);
        assertEquals(-1, cubic.whole().maskVoxels(), "no mask");
        // the masked (reference) score sees only the ball: a different number
        assertNotEquals(cubic.whole().ssim(), cubic.reference().ssim());
        assertTrue(cubic.reference().maskVoxels() < 18 * 18 * 18);
        assertEquals(List.of("whole", "paper", "reference"), MethodComparison.POLICIES);
    }

    @Test
    void theTableShowsPlainValuesForOneVolumeAndTheSpreadForSeveral() {
        MethodComparison cmp = new MethodComparison(2, Degrader.of(2), 2);
        List<MethodComparison.Row> one = cmp.compare(ball(), "ball", MethodComparison.baselines(2), null, null, null);
        String t = MethodComparison.table(one);
        double cubic = one.stream().filter(r -> r.method().equals("cubic spline")).findFirst().orElseThrow().whole().psnr();
        assertTrue(t.contains(String.format(java.util.Locale.ROOT, "cubic spline  %6.2f     ", cubic)), t);
        assertTrue(!t.contains("±"), t);
        List<MethodComparison.Row> blocks = cmp.compare(ball(), "ball", MethodComparison.baselines(2), new int[] {2, 1, 1},
            null, null);
        assertTrue(MethodComparison.table(blocks).contains("±"), MethodComparison.table(blocks));
    }
}
