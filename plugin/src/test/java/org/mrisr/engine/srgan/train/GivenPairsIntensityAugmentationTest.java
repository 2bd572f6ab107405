package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

class GivenPairsIntensityAugmentationTest {
    private static final Volume HR = random(16, 16, 16);
    private static final Volume LR = Degrader.of(2).apply(HR);
    private static final NormalizationParams NORM = Normalizer.halfMax().fit(LR);

    private static Volume random(int nx, int ny, int nz) {
        SplittableRandom r = new SplittableRandom(2);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (200 * r.nextDouble());
        }
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    /** One normalised pair, as a patch table gives it. */
    private static final TrainingData TABLE = new TrainingData() {
        @Override
        public PatchPair pair(long index) {
            return PatchPair.normalised(LR, HR, 2, NORM);
        }

        @Override
        public TrainingInput input() {
            JsonObject p = new JsonObject();
            p.addProperty("patches", 1);
            return new TrainingInput(new JsonObject(), p, new double[] {2, 2, 2}, 0.1, null);
        }
    };

    @Test
    void theScaleIsThatOfTheIntensitiesOnBothSidesSoThePairStaysADegradationPair() {
        GivenPairsIntensityAugmentation aug = new GivenPairsIntensityAugmentation(TABLE,
                new IntensityAugmentation(0.3, 0, 0, 0), 4, 1, 2);
        PatchPair p = aug.pair(0);
        // find the scale from one voxel, then every voxel of both sides must be the scaled intensity's normalisation
        double s = NORM.inverse(p.hr()[0]) / HR.data()[0];
        assertTrue(Math.abs(s - 1) > 1e-4 && Math.abs(s - 1) <= 0.3 + 1e-6, "scale " + s);
        Volume scaledHr = HR.withData(scale(HR.data(), s));
        float[] lrOfScaled = Normalizer.apply(Degrader.of(2).apply(scaledHr), NORM).data();
        for (int i = 0; i < lrOfScaled.length; i++) {
            assertEquals(lrOfScaled[i], p.lr()[i], 1e-4, "LR = degrade(s HR) at " + i);
        }
        float[] hr = Normalizer.apply(scaledHr, NORM).data();
        for (int i = 0; i < hr.length; i++) {
            assertEquals(hr[i], p.hr()[i], 1e-4);
        }
    }

    @Test
    void noiseGoesToTheLrOnlyAndIsRecordedDeterministically() {
        GivenPairsIntensityAugmentation aug = new GivenPairsIntensityAugmentation(TABLE,
                new IntensityAugmentation(0, 0, 0, 0.05), 4, 1, 2);
        PatchPair clean = TABLE.pair(3);
        PatchPair noisy = aug.pair(3);
        assertArrayEquals(clean.hr(), noisy.hr());
        assertFalse(Arrays.equals(clean.lr(), noisy.lr()));
        assertArrayEquals(noisy.lr(), aug.pair(3).lr(), "the same index gives the same noise");
        JsonObject a = aug.input().provenance().getAsJsonObject("intensity_augment");
        assertEquals(0.05, a.get("noise").getAsDouble());
        assertEquals(1, aug.input().provenance().get("patches").getAsInt(), "the table's own keys stay");
        assertFalse(TABLE.input().provenance().has("intensity_augment"), "the table's record is not changed");
    }

    @Test
    void gammaAndBiasAreRefusedForPairsNotDegradedAgain() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new GivenPairsIntensityAugmentation(TABLE, IntensityAugmentation.defaults(), 1, 1, 2));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }

    private static float[] scale(float[] d, double s) {
        float[] o = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            o[i] = (float) (d[i] * s);
        }
        return o;
    }
}
