package org.mrisr.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** Edge cases and input errors of the metrics engine (no Python needed). */
class MetricsBehaviourTest {

    static Volume random(int nx, int ny, int nz, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (100 * rnd.nextDouble());
        }
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    static Volume noisy(Volume v, double sigma, long seed) {
        Random rnd = new Random(seed);
        float[] d = v.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += (float) (sigma * rnd.nextGaussian());
        }
        return v.withData(d);
    }

    static Volume constant(int nx, int ny, int nz, float value) {
        float[] d = new float[nx * ny * nz];
        java.util.Arrays.fill(d, value);
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    @Test
    void identicalVolumesScoreSsimOneAndInfinitePsnr() {
        Volume a = random(15, 14, 13, 1);
        for (SsimWindow w : SsimWindow.values()) {
            VolumeScores s = new VolumeScorer(w, DataRangePolicy.paper(), null, 2).score(a, a.copy(), null);
            assertEquals(1.0, s.ssim(), 1e-12, w.label());
            assertTrue(s.psnrInfinite(), w.label());
            assertEquals(Double.POSITIVE_INFINITY, s.psnr());
            assertEquals(0.0, s.mse());
            assertEquals(0.0, s.nrmse());
            assertEquals(0.0, s.mae());
        }
        Volume mask = constant(15, 14, 13, 1f);
        VolumeScores masked = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.reference(), null, 1).score(a, a, mask);
        assertEquals(1.0, masked.ssim(), 1e-12);
        assertTrue(masked.psnrInfinite());
        assertEquals(MaskMode.SELECT, masked.maskMode());
        assertEquals(15 * 14 * 13, masked.maskVoxels());
    }

    @Test
    void aNoisierCopyScoresWorse() {
        Volume a = random(20, 20, 20, 2);
        VolumeScorer scorer = new VolumeScorer();
        VolumeScores mild = scorer.score(a, noisy(a, 2, 3), null);
        VolumeScores strong = scorer.score(a, noisy(a, 20, 3), null);
        assertTrue(mild.ssim() > strong.ssim(), mild + " vs " + strong);
        assertTrue(mild.psnr() > strong.psnr() + 10, mild + " vs " + strong);
        assertTrue(mild.ssim() < 1 && strong.ssim() > 0);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Volume a = random(19, 23, 29, 4);
        Volume b = noisy(a, 10, 5);
        for (SsimWindow w : SsimWindow.values()) {
            double one = new Ssim3d(w, 1).mean(a, b, 100);
            boolean[] m = new boolean[a.size()];
            for (int i = 0; i < m.length; i += 3) {
                m[i] = true;
            }
            double maskedOne = new Ssim3d(w, 1).maskedMean(a, b, m, 100);
            for (int t : new int[] {2, 3, 7, 64}) {
                assertEquals(one, new Ssim3d(w, t).mean(a, b, 100), 0.0, w + " threads " + t);
                assertEquals(maskedOne, new Ssim3d(w, t).maskedMean(a, b, m, 100), 0.0, w + " threads " + t);
            }
        }
    }

    @Test
    void multiplyMaskEqualsScoringTheMultipliedVolumes() {
        Volume a = random(16, 17, 18, 6);
        Volume b = noisy(a, 5, 7);
        float[] m = new float[a.size()];
        float[] am = new float[a.size()];
        float[] bm = new float[a.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (i % 5 == 0) ? 0 : 1;
            am[i] = a.data()[i] * m[i];
            bm[i] = b.data()[i] * m[i];
        }
        // a fixed range, because the paper range is taken before masking and would differ here only by chance
        VolumeScorer scorer = new VolumeScorer(SsimWindow.GAUSS11, DataRangePolicy.fixed(100), MaskMode.MULTIPLY, 2);
        VolumeScores masked = scorer.score(a, b, a.withData(m));
        VolumeScores direct = scorer.score(a.withData(am), b.withData(bm), null);
        assertEquals(direct.ssim(), masked.ssim(), 1e-15);
        assertEquals(direct.mse(), masked.mse(), 1e-12);
        assertEquals(direct.mae(), masked.mae(), 1e-12);
        assertEquals(direct.nrmse(), masked.nrmse(), 1e-12);
    }

    @Test
    void lowResolutionTestVolumeIsNamedAsSuch() {
        VolumeScorer scorer = new VolumeScorer();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> scorer.score(random(40, 41, 30, 1), "hr.nii", random(20, 21, 15, 2), "lr.nii", null, null));
        assertEquals("lr.nii", e.source());
        assertTrue(e.problem().contains("20x21x15") && e.problem().contains("40x41x30"), e.problem());
        assertTrue(e.problem().contains("looks like the low-resolution volume (reference / 2 per axis)"), e.problem());

        e = assertThrows(InvalidInputException.class, () -> scorer.score(random(40, 40, 40, 1), random(20, 20, 10, 2), null));
        assertTrue(e.problem().contains("reference / 2,2,4 per axis"), e.problem());

        e = assertThrows(InvalidInputException.class, () -> scorer.score(random(20, 20, 20, 1), random(40, 40, 40, 2), null));
        assertTrue(e.problem().contains("swapped"), e.problem());

        e = assertThrows(InvalidInputException.class, () -> scorer.score(random(20, 20, 20, 1), random(20, 19, 20, 2), null));
        assertTrue(e.problem().contains("same voxel grid") && !e.problem().contains("low-resolution"), e.problem());
    }

    @Test
    void nonFiniteVoxelsAreRefusedWithTheirPosition() {
        Volume a = random(10, 10, 10, 1);
        Volume b = a.copy();
        b.set(3, 4, 5, Float.NaN);
        b.set(6, 6, 6, Float.POSITIVE_INFINITY);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new VolumeScorer().score(a, "hr.nii", b, "sr.nii", null, null));
        assertEquals("sr.nii", e.source());
        assertTrue(e.problem().startsWith("2 voxel(s) are NaN or infinite (first at x=3, y=4, z=5"), e.problem());
        Volume c = a.copy();
        c.set(0, 0, 9, Float.NEGATIVE_INFINITY);
        e = assertThrows(InvalidInputException.class, () -> new VolumeScorer().score(c, "hr.nii", a, "sr.nii", null, null));
        assertEquals("hr.nii", e.source());
    }

    @Test
    void emptyOrMisshapenMaskIsRefused() {
        Volume a = random(10, 10, 10, 1);
        for (MaskMode mode : MaskMode.values()) {
            VolumeScorer scorer = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.paper(), mode, 1);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> scorer.score(a, "hr", a, "sr", constant(10, 10, 10, 0f), "brain.nii"));
            assertEquals("brain.nii", e.source());
            assertTrue(e.problem().startsWith("empty mask"), e.problem());
            e = assertThrows(InvalidInputException.class, () -> scorer.score(a, "hr", a, "sr", constant(10, 10, 9, 1f), "brain.nii"));
            assertTrue(e.problem().contains("must be on the reference grid"), e.problem());
        }
    }

    @Test
    void volumeSmallerThanTheWindowIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new VolumeScorer().score(random(10, 6, 10, 1), random(10, 6, 10, 2), null));
        assertTrue(e.problem().contains("smaller than the 7-voxel SSIM window (uniform7) along y"), e.problem());
        VolumeScorer gauss = new VolumeScorer(SsimWindow.GAUSS11, DataRangePolicy.paper(), null, 1);
        e = assertThrows(InvalidInputException.class, () -> gauss.score(random(12, 12, 10, 1), random(12, 12, 10, 2), null));
        assertTrue(e.problem().contains("11-voxel") && e.problem().contains("along z") && e.problem().contains("uniform7 needs 7"),
                e.problem());
        // exactly the window size is allowed (skimage too): one window centre per axis
        assertTrue(Double.isFinite(gauss.score(random(11, 11, 11, 1), random(11, 11, 11, 2), null).ssim()));
    }

    @Test
    void constantVolumesNeedAFixedRange() {
        Volume c = constant(9, 9, 9, 5f);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new VolumeScorer().score(c, c, null));
        assertTrue(e.problem().contains("data range is 0") && e.problem().contains("fixed data range (e.g. 255)"), e.problem());
        VolumeScores s = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.fixed(255), null, 1).score(c, c, null);
        assertEquals(1.0, s.ssim(), 1e-12);
        assertTrue(s.psnrInfinite());
    }

    @Test
    void rangePoliciesParseAndResolve() {
        Volume r = constant(8, 8, 8, 10f);
        r.set(0, 0, 0, 30f);
        Volume t = constant(8, 8, 8, 10f);
        t.set(1, 1, 1, -5f);
        assertEquals(35.0, DataRangePolicy.parse("paper", "--range").resolve(r, t));
        assertEquals(20.0, DataRangePolicy.parse("Reference", "--range").resolve(r, t));
        assertEquals(255.0, DataRangePolicy.parse("255", "--range").resolve(r, t));
        assertEquals("fixed", DataRangePolicy.parse("1e3", "--range").label());
        for (String bad : new String[] {"ref", "-1", "0", "NaN", "Infinity"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> DataRangePolicy.parse(bad, "--range"), bad);
            assertEquals("--range", e.source());
        }
        assertEquals(MaskMode.MULTIPLY, MaskMode.defaultFor(DataRangePolicy.paper()));
        assertEquals(MaskMode.SELECT, MaskMode.defaultFor(DataRangePolicy.reference()));
        assertEquals(MaskMode.SELECT, MaskMode.defaultFor(DataRangePolicy.fixed(1)));
    }

    @Test
    void psnrFromMseFollowsTheDefinition() {
        assertEquals(20 * Math.log10(255 / Math.sqrt(4.0)), Psnr.fromMse(4.0, 255), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.fromMse(0, 1));
    }

    @Test
    void gaussianWeightsAreScipysKernel() {
        double[] w = SsimWindow.GAUSS11.weights();
        assertEquals(11, w.length);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-15);
        assertEquals(Math.exp(-0.5 * 25 / 2.25), w[0] / w[5], 1e-15);
        assertEquals(343.0 / 342.0, SsimWindow.UNIFORM7.covarianceNorm());
        assertEquals(1.0, SsimWindow.GAUSS11.covarianceNorm());
        assertNotEquals(SsimWindow.UNIFORM7, SsimWindow.parse("gauss11"));
    }
}
