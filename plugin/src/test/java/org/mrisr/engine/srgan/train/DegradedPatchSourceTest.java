package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

class DegradedPatchSourceTest {
    private static final Volume HR = NiftiReader.read(RealData.mricron("ch2bet.nii.gz")).crop(50, 60, 50, 81, 70, 66);

    private static DegradedPatchSource source(long seed, double fg) {
        List<Supplier<Volume>> v = List.of(() -> HR);
        return new DegradedPatchSource(v, List.of("hr"), new int[] {16, 16, 16}, 2, Degrader.of(2), fg, seed, 1);
    }

    @Test
    void aCacheAsLargeAsTheVolumeCountPreparesEachVolumeOnceAndGivesTheSamePairs() {
        // examples visit the volumes in turn: with fewer cached than volumes every example re-prepares one
        AtomicInteger[] loads = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        Volume[] crops = {HR.crop(0, 0, 0, 40, 40, 40), HR.crop(20, 10, 10, 40, 40, 40), HR.crop(40, 30, 20, 40, 40, 40)};
        List<Supplier<Volume>> counted = List.of(() -> {
            loads[0].incrementAndGet();
            return crops[0];
        }, () -> {
            loads[1].incrementAndGet();
            return crops[1];
        }, () -> {
            loads[2].incrementAndGet();
            return crops[2];
        });
        List<String> names = List.of("a", "b", "c");
        DegradedPatchSource all = new DegradedPatchSource(counted, names, new int[] {16, 16, 16}, 2, Degrader.of(2), 0.3,
            9, 3);
        DegradedPatchSource two = new DegradedPatchSource(List.of(() -> crops[0], () -> crops[1], () -> crops[2]), names,
            new int[] {16, 16, 16}, 2, Degrader.of(2), 0.3, 9, 2);
        for (long i = 0; i < 12; i++) {
            PatchPair a = all.pair(i);
            PatchPair b = two.pair(i);
            assertArrayEquals(b.lr(), a.lr());
            assertArrayEquals(b.hr(), a.hr());
        }
        for (AtomicInteger n : loads) {
            assertEquals(1, n.get(), "each volume read and degraded once");
        }
    }

    @Test
    void theModelRecordsTheSpreadOfVoxelSizeAndIntensityOverAllTrainingVolumes() {
        Volume a = HR.crop(0, 0, 0, 40, 40, 40);
        Volume b = HR.crop(20, 10, 10, 40, 40, 40).withAffine(org.mrisr.engine.volume.Affine.diagonal(0.7, 0.7, 0.7));
        DegradedPatchSource s = new DegradedPatchSource(List.of(() -> a, () -> b), List.of("a", "b"),
            new int[] {16, 16, 16}, 2, Degrader.of(2), 0.3, 3, 2);
        org.mrisr.engine.srgan.io.InputRange r = s.input().range();
        assertArrayEquals(new double[] {1.4, 1.4, 1.4}, r.voxelMin(), 1e-9);
        assertArrayEquals(new double[] {2, 2, 2}, r.voxelMax(), 1e-9);
        assertTrue(r.meanMin() <= s.input().lrMeanNormalised() && s.input().lrMeanNormalised() <= r.meanMax());
    }

    @Test
    void aCubicResidualSourceTargetsHrMinusTheCubicSplineAndRecordsItsPreprocessing() {
        List<Supplier<Volume>> v = List.of(() -> HR);
        Preprocessing pre = new Preprocessing(Normalizer.robustMax(99.5), ModelInfo.CUBIC_RESIDUAL);
        DegradedPatchSource plain = new DegradedPatchSource(v, List.of("hr"), new int[] {16, 16, 16}, 2, Degrader.of(2),
            0.3, 5, 1, new Preprocessing(Normalizer.robustMax(99.5), ModelInfo.NO_RESIDUAL));
        DegradedPatchSource residual = new DegradedPatchSource(v, List.of("hr"), new int[] {16, 16, 16}, 2,
            Degrader.of(2), 0.3, 5, 1, pre);
        Volume hr = HR.trimmedToMultipleOf(2);
        NormalizationParams norm = Normalizer.robustMax(99.5).fit(Degrader.of(2).apply(hr));
        assertEquals(norm, residual.normalisation(0));
        Volume cubic = Interpolator.cubic(Normalizer.apply(Degrader.of(2).apply(hr), norm), 2);
        for (long i = 0; i < 3; i++) {
            PatchPair a = plain.pair(i);
            PatchPair b = residual.pair(i);
            assertArrayEquals(a.lr(), b.lr(), "same LR input");
            boolean differs = false;
            for (int k = 0; k < a.hr().length; k++) {
                differs |= a.hr()[k] != b.hr()[k];
            }
            assertTrue(differs, "the residual target is not the image");
        }
        // one pair checked voxel by voxel: search its HR origin in the cubic volume
        PatchPair a = plain.pair(0);
        PatchPair b = residual.pair(0);
        boolean found = false;
        for (int z = 0; z + 16 <= cubic.nz() && !found; z += 2) {
            for (int y = 0; y + 16 <= cubic.ny() && !found; y += 2) {
                for (int x = 0; x + 16 <= cubic.nx() && !found; x += 2) {
                    float[] c = cubic.crop(x, y, z, 16, 16, 16).data();
                    boolean all = true;
                    for (int k = 0; k < c.length && all; k++) {
                        all = Math.abs(b.hr()[k] + c[k] - a.hr()[k]) < 1e-5;
                    }
                    found = all;
                }
            }
        }
        assertTrue(found, "HR target + cubic spline crop = normalised HR patch");
        TrainingInput in = residual.input();
        assertEquals(ModelInfo.CUBIC_RESIDUAL, in.residualOver());
        assertEquals(Normalizer.ROBUST_MAX, in.normalisation().method());
        assertEquals(ModelInfo.NO_RESIDUAL, source(1, 0.3).input().residualOver());
    }

    @Test
    void pairsAreCropsOfTheWholeVolumeDegradationAtAlignedOrigins() {
        DegradedPatchSource s = source(3, 0.3);
        Volume trimmed = HR.crop(0, 0, 0, 80, 70, 66);
        Volume lr = Degrader.of(2).apply(trimmed);
        NormalizationParams in = Normalizer.halfMax().fit(lr);
        assertEquals(in.offset(), s.normalisation(0).offset(), 0);
        assertEquals(lr.minMax()[1] / 2.0, in.offset(), 1e-4);
        for (long i = 0; i < 5; i++) {
            PatchPair p = s.pair(i);
            assertEquals(8, p.lrX());
            // find the LR origin by matching the patch against the whole LR volume
            int[] o = locate(lr, Normalizer.apply(lr, in).data(), p.lr());
            Volume hrPatch = trimmed.crop(2 * o[0], 2 * o[1], 2 * o[2], 16, 16, 16);
            assertArrayEquals(Normalizer.apply(hrPatch, in).data(), p.hr(), "HR patch at r x the LR origin, example " + i);
        }
    }

    @Test
    void describesWhatAModelTrainedOnItRecords() {
        TrainingInput in = source(3, 0.3).input();
        Volume lr = Degrader.of(2).apply(HR.crop(0, 0, 0, 80, 70, 66));
        NormalizationParams norm = Normalizer.halfMax().fit(lr);
        assertEquals(norm, in.normalisation(), "the first volume's normalisation, as training saw it");
        assertEquals(InputCheck.meanNormalised(Normalizer.apply(lr, norm).data()), in.lrMeanNormalised(), 0);
        double[] vs = HR.voxelSize();
        assertArrayEquals(new double[] {2 * vs[0], 2 * vs[1], 2 * vs[2]}, in.lrVoxelSize());
        assertEquals("[\"hr\"]", in.provenance().get("data").toString());
        assertEquals(3, in.degradation().get("order").getAsInt());
        assertEquals(2, in.degradation().get("factor").getAsInt());
    }

    @Test
    void sameIndexSamePairAndSeedMatters() {
        assertArrayEquals(source(5, 0.3).pair(7).lr(), source(5, 0.3).pair(7).lr());
        boolean differs = false;
        for (long i = 0; i < 4 && !differs; i++) {
            differs = !Arrays.equals(source(5, 0.3).pair(i).lr(), source(6, 0.3).pair(i).lr());
        }
        assertTrue(differs);
    }

    @Test
    void foregroundFilterPrefersBrain() {
        DegradedPatchSource s = source(1, 0.9);
        for (long i = 0; i < 5; i++) {
            float[] hr = s.pair(i).hr();
            long bg = 0;
            for (float v : hr) {
                if (v <= -1f) {
                    bg++;
                }
            }
            assertTrue(bg < hr.length / 2, "mostly brain: " + bg + " background voxels");
        }
    }

    @Test
    void refusesPatchNotMultipleOfFactor() {
        List<Supplier<Volume>> v = List.of(() -> HR);
        assertThrows(InvalidInputException.class,
                () -> new DegradedPatchSource(v, List.of("hr"), new int[] {15, 16, 16}, 2, Degrader.of(2), 0, 1, 1));
    }

    private static int[] locate(Volume lr, float[] norm, float[] patch) {
        for (int z = 0; z + 8 <= lr.nz(); z++) {
            for (int y = 0; y + 8 <= lr.ny(); y++) {
                for (int x = 0; x + 8 <= lr.nx(); x++) {
                    if (matches(lr, norm, patch, x, y, z)) {
                        return new int[] {x, y, z};
                    }
                }
            }
        }
        throw new AssertionError("LR patch is not a crop of the whole degraded volume");
    }

    private static boolean matches(Volume lr, float[] norm, float[] p, int x0, int y0, int z0) {
        for (int z = 0; z < 8; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    if (norm[lr.index(x0 + x, y0 + y, z0 + z)] != p[x + 8 * (y + 8 * z)]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
