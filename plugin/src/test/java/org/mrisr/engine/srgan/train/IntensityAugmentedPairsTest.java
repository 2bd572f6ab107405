package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** Intensity augmentation in {@link DegradedPatchSource}: pairs stay degradation pairs, per seed. */
class IntensityAugmentedPairsTest {
    private static final int[] PATCH = {8, 8, 8};
    private static final Volume HR = phantom(30, 28, 26);

    /** A bright ellipsoid with texture on a dark background: edges, where gamma and blur disagree. */
    private static Volume phantom(int nx, int ny, int nz) {
        SplittableRandom r = new SplittableRandom(11);
        float[] d = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double u = (x - nx / 2.0) / (nx / 2.5);
                    double v = (y - ny / 2.0) / (ny / 2.5);
                    double w = (z - nz / 2.0) / (nz / 2.5);
                    boolean inside = u * u + v * v + w * w < 1;
                    d[x + nx * (y + ny * z)] = inside ? (float) (120 + 80 * r.nextDouble()) : 0;
                }
            }
        }
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    private static DegradedPatchSource source(long seed, IntensityAugmentation aug) {
        return new DegradedPatchSource(List.of(() -> HR), List.of("phantom"), PATCH, 2, Degrader.of(2), 0, seed, 1,
                Preprocessing.paper(), aug);
    }

    @Test
    void offGivesTheSamePairsAsBefore() {
        DegradedPatchSource before = new DegradedPatchSource(List.of(() -> HR), List.of("phantom"), PATCH, 2,
                Degrader.of(2), 0, 4, 1);
        DegradedPatchSource off = source(4, IntensityAugmentation.off());
        for (long i = 0; i < 5; i++) {
            assertArrayEquals(before.pair(i).lr(), off.pair(i).lr());
            assertArrayEquals(before.pair(i).hr(), off.pair(i).hr());
        }
        assertEquals(before.input().provenance(), off.input().provenance());
        assertFalse(off.input().provenance().has("intensity_augment"));
    }

    @Test
    void theLrIsTheDegradationOfTheChangedHrOnTheWholeVolumesGrid() {
        IntensityAugmentation aug = new IntensityAugmentation(0.2, 0.5, 0.3, 0);
        DegradedPatchSource s = source(7, aug);
        NormalizationParams norm = s.normalisation(0);
        assertEquals(Normalizer.halfMax().fit(Degrader.of(2).apply(HR)), norm, "fitted on the unchanged volume");
        float max = HR.minMax()[1];
        for (long i = 0; i < 4; i++) {
            PatchPair p = s.pair(i);
            IntensityAugmentation.Draw d = s.intensityDraw(i);
            Volume changed = d.applyToHr(HR, new int[3], HR.shape(), max);
            Volume hr = Normalizer.apply(changed, norm);
            Volume lr = Normalizer.apply(Degrader.of(2).apply(changed), norm);
            int[] o = origin(hr, p.hr());
            assertTrue(o != null, "the HR patch is a crop of the changed volume");
            float[] want = lr.crop(o[0] / 2, o[1] / 2, o[2] / 2, 4, 4, 4).data();
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], p.lr()[k], 1e-6, "LR = degrade(changed HR) at " + k);
            }
            assertFalse(Arrays.equals(p.hr(), Normalizer.apply(HR, norm).crop(o[0], o[1], o[2], 8, 8, 8).data()),
                    "the HR was changed");
        }
    }

    @Test
    void withTheCubicResidualTheTargetIsTheChangedHrMinusTheCubicSplineOfTheChangedLr() {
        IntensityAugmentation aug = new IntensityAugmentation(0.2, 0.5, 0.3, 0);
        DegradedPatchSource s = new DegradedPatchSource(List.of(() -> HR), List.of("phantom"), PATCH, 2, Degrader.of(2), 0,
                7, 1, new Preprocessing(Normalizer.robustMax(99.5), ModelInfo.CUBIC_RESIDUAL), aug);
        NormalizationParams norm = s.normalisation(0);
        float max = HR.minMax()[1];
        for (long i = 0; i < 4; i++) {
            PatchPair p = s.pair(i);
            Volume changed = s.intensityDraw(i).applyToHr(HR, new int[3], HR.shape(), max);
            Volume lr = Normalizer.apply(Degrader.of(2).apply(changed), norm);
            int[] o = lrOrigin(lr, p.lr());
            assertTrue(o != null, "the LR patch is a crop of degrade(changed HR)");
            float[] hr = Normalizer.apply(changed, norm).crop(2 * o[0], 2 * o[1], 2 * o[2], 8, 8, 8).data();
            float[] cubic = org.mrisr.engine.ops.Interpolator.cubic(lr, 2).crop(2 * o[0], 2 * o[1], 2 * o[2], 8, 8, 8)
                    .data();
            for (int k = 0; k < hr.length; k++) {
                assertEquals(hr[k] - cubic[k], p.hr()[k], 1e-4, "target = changed HR - cubic(changed LR) at " + k);
            }
        }
    }

    @Test
    void noiseIsOnTheLrOnlyAndEverythingIsDeterministicPerSeed() {
        IntensityAugmentation noiseOnly = new IntensityAugmentation(0, 0, 0, 0.05);
        PatchPair clean = source(3, IntensityAugmentation.off()).pair(2);
        PatchPair noisy = source(3, noiseOnly).pair(2);
        assertArrayEquals(clean.hr(), noisy.hr(), "the target stays clean");
        assertFalse(Arrays.equals(clean.lr(), noisy.lr()), "the input gets noise");

        IntensityAugmentation all = IntensityAugmentation.defaults();
        for (long i = 0; i < 3; i++) {
            assertArrayEquals(source(9, all).pair(i).lr(), source(9, all).pair(i).lr());
            assertArrayEquals(source(9, all).pair(i).hr(), source(9, all).pair(i).hr());
        }
        assertFalse(Arrays.equals(source(9, all).pair(0).lr(), source(10, all).pair(0).lr()), "another seed differs");
    }

    @Test
    void theRangesAreRecordedAndUnsupportedSettingsRefused() {
        assertEquals(0.3, source(1, IntensityAugmentation.defaults()).input().provenance()
                .getAsJsonObject("intensity_augment").get("gamma").getAsDouble());
        assertThrows(InvalidInputException.class, () -> new DegradedPatchSource(List.of(() -> HR), List.of("p"), PATCH,
                2, Degrader.of(2).withPrefilter(true), 0, 1, 1, Preprocessing.paper(), IntensityAugmentation.defaults()));
    }

    /** The LR origin whose 4^3 crop equals {@code patch} within 1e-6, or null. */
    private static int[] lrOrigin(Volume lr, float[] patch) {
        for (int z = 0; z + 4 <= lr.nz(); z++) {
            for (int y = 0; y + 4 <= lr.ny(); y++) {
                for (int x = 0; x + 4 <= lr.nx(); x++) {
                    float[] c = lr.crop(x, y, z, 4, 4, 4).data();
                    boolean same = true;
                    for (int k = 0; k < c.length && same; k++) {
                        same = Math.abs(c[k] - patch[k]) <= 1e-6;
                    }
                    if (same) {
                        return new int[] {x, y, z};
                    }
                }
            }
        }
        return null;
    }

    /** The even HR origin whose crop equals {@code patch}, or null. */
    private static int[] origin(Volume v, float[] patch) {
        for (int z = 0; z + 8 <= v.nz(); z += 2) {
            for (int y = 0; y + 8 <= v.ny(); y += 2) {
                for (int x = 0; x + 8 <= v.nx(); x += 2) {
                    if (Arrays.equals(v.crop(x, y, z, 8, 8, 8).data(), patch)) {
                        return new int[] {x, y, z};
                    }
                }
            }
        }
        return null;
    }
}
