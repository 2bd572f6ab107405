package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class IntensityAugmentationTest {
    private static final double[] FLAT = {0, 0, 0};

    private static IntensityAugmentation.Draw only(double scale, double gamma, double amplitude, double noise) {
        return new IntensityAugmentation.Draw(scale, gamma, amplitude, FLAT, FLAT, new double[] {1, 0, 0}, noise, 3);
    }

    @Test
    void drawsStayInTheirRanges() {
        IntensityAugmentation aug = IntensityAugmentation.defaults();
        Rng rng = new Rng(1);
        double minGamma = 9;
        double maxGamma = 0;
        for (int i = 0; i < 2000; i++) {
            IntensityAugmentation.Draw d = aug.draw(rng);
            assertTrue(d.scale() >= 0.9 && d.scale() <= 1.1, "scale " + d.scale());
            assertTrue(d.gamma() >= 1 / 1.3 - 1e-12 && d.gamma() <= 1.3 + 1e-12, "gamma " + d.gamma());
            assertTrue(d.amplitude() >= 0 && d.amplitude() <= 0.2, "bias " + d.amplitude());
            assertTrue(d.noise() >= 0 && d.noise() <= 0.02, "noise " + d.noise());
            assertEquals(1, d.weight()[0] + d.weight()[1] + d.weight()[2], 1e-12);
            minGamma = Math.min(minGamma, d.gamma());
            maxGamma = Math.max(maxGamma, d.gamma());
        }
        assertTrue(minGamma < 0.8 && maxGamma > 1.25, "the whole gamma range is used: " + minGamma + ".." + maxGamma);
    }

    @Test
    void gammaKeepsZeroAndTheMaximumAndBendsTheRest() {
        Volume v = new Volume(3, 1, 1, new float[] {0, 50, 200}, Affine.identity());
        float[] out = only(1, 2, 0, 0).applyToHr(v, new int[3], v.shape(), 200).data();
        assertEquals(0, out[0]);
        assertEquals(200, out[2], 1e-4);
        assertEquals(200 * Math.pow(0.25, 2), out[1], 1e-4);
        float[] scaled = only(1.1, 1, 0, 0).applyToHr(v, new int[3], v.shape(), 200).data();
        assertEquals(55, scaled[1], 1e-4);
        assertEquals(220, scaled[2], 1e-4);
    }

    @Test
    void theBiasFieldIsSmoothAndWithinItsRangeOverTheWholeVolume() {
        int[] shape = {40, 30, 20};
        Rng rng = new Rng(5);
        IntensityAugmentation aug = new IntensityAugmentation(0, 0, 0.3, 0);
        boolean varies = false;
        for (int n = 0; n < 50; n++) {
            IntensityAugmentation.Draw d = aug.draw(rng);
            double a = d.amplitude();
            for (int z = 0; z < shape[2]; z++) {
                for (int y = 0; y < shape[1]; y++) {
                    for (int x = 0; x < shape[0]; x++) {
                        double f = d.field(x, y, z, shape);
                        assertTrue(f >= 1 - a - 1e-12 && f <= 1 + a + 1e-12, "field " + f + " amplitude " + a);
                        if (x > 0) {
                            // at most half a cosine period over the axis: slope ≤ a·π/(n − 1)
                            double step = Math.abs(f - d.field(x - 1, y, z, shape));
                            assertTrue(step <= a * Math.PI / (shape[0] - 1) + 1e-12, "step " + step);
                            varies |= step > 1e-4;
                        }
                    }
                }
            }
        }
        assertTrue(varies, "the field is not constant");
    }

    @Test
    void theBiasFieldOfABlockIsTheWholeVolumesFieldAtItsPosition() {
        IntensityAugmentation.Draw d = new IntensityAugmentation(0, 0, 0.3, 0).draw(new Rng(9));
        int[] shape = {20, 20, 20};
        float[] ones = new float[20 * 20 * 20];
        Arrays.fill(ones, 1);
        Volume whole = d.applyToHr(new Volume(20, 20, 20, ones, Affine.identity()), new int[3], shape, 1);
        Volume block = whole.crop(5, 6, 7, 4, 4, 4);
        Volume direct = d.applyToHr(new Volume(20, 20, 20, ones, Affine.identity()).crop(5, 6, 7, 4, 4, 4),
                new int[] {5, 6, 7}, shape, 1);
        assertArrayEquals(block.data(), direct.data());
    }

    @Test
    void noiseOnTheLrHasTheAskedStandardDeviation() {
        float[] flat = new float[32 * 32 * 32];
        Arrays.fill(flat, 100);
        Volume lr = new Volume(32, 32, 32, flat, Affine.identity());
        float[] noisy = only(1, 1, 0, 0.02).applyToLr(lr, 400).data();
        double sum = 0;
        double sq = 0;
        for (float v : noisy) {
            sum += v - 100;
            sq += (v - 100) * (v - 100);
        }
        double mean = sum / noisy.length;
        double std = Math.sqrt(sq / noisy.length - mean * mean);
        assertEquals(0.02 * 400, std, 0.02 * 400 * 0.03, "std");
        assertEquals(0, mean, 0.1, "mean");
        assertEquals(lr, only(1, 1, 0, 0).applyToLr(lr, 400), "no noise: the same volume");
    }

    @Test
    void rangesAreBoundedAndOffIsOff() {
        assertFalse(IntensityAugmentation.off().enabled());
        assertTrue(IntensityAugmentation.defaults().enabled());
        assertThrows(InvalidInputException.class, () -> new IntensityAugmentation(0.6, 0, 0, 0));
        assertThrows(InvalidInputException.class, () -> new IntensityAugmentation(0, -0.1, 0, 0));
        assertThrows(InvalidInputException.class, () -> new IntensityAugmentation(0, 0, Double.NaN, 0));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new IntensityAugmentation(0, 0, 0, 0.5));
        assertTrue(e.getMessage().contains("noise"), e.getMessage());
    }
}
