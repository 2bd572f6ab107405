package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;

/** Degrader against the paper's scipy expression, run live. */
class DegraderTest {

    private static void compare(String what, Volume hr, Degrader d, String scipy) {
        Volume ours = d.apply(hr);
        Volume ref = PyVolumes.compute(hr, scipy);
        assertArrayEquals(ref.shape(), ours.shape(), "shape");
        double diff = Ch2.report(what, PyVolumes.maxAbsDiff(ours, ref), 133);
        assertTrue(diff <= Ch2.MAX_REL_DIFF * 133, "max diff " + diff);
    }

    @Test
    void paperDegradationByTwoOnFullCh2bet() {
        Volume hr = Ch2.bet();
        Volume lr = Degrader.of(2).apply(hr);
        compare("degrade x2 full ch2bet (sigma 1, order 3, no prefilter)", hr, Degrader.of(2),
                "ndi.zoom(ndi.gaussian_filter(v, 1), 1/2, order=3, prefilter=False)");
        assertArrayEquals(new int[] {90, 108, 90}, lr.shape());
        assertTrue(Zoom.outputAffine(hr.affine(), hr.shape(), lr.shape()).equals(lr.affine()));
    }

    @Test
    void paperDegradationByFour() {
        compare("degrade x4 crop 120x140x100", Ch2.betCrop(120, 140, 100), Degrader.of(4),
                "ndi.zoom(ndi.gaussian_filter(v, 1), 1/4, order=3, prefilter=False)");
    }

    @Test
    void trainingVariantAndOptions() {
        Volume hr = Ch2.betCrop(60, 66, 50);
        compare("degrade x2 order 0 (paper training)", hr, Degrader.of(2).withOrder(0),
                "ndi.zoom(ndi.gaussian_filter(v, 1), 1/2, order=0)");
        compare("degrade x2 order 3 prefilter", hr, Degrader.of(2).withPrefilter(true),
                "ndi.zoom(ndi.gaussian_filter(v, 1), 1/2, order=3)");
        compare("degrade (1,1,4) sigma (0,0,1.5) order 1", hr,
                Degrader.of(new double[] {1, 1, 4}).withSigma(0, 0, 1.5).withOrder(1),
                "ndi.zoom(ndi.gaussian_filter(v, (0, 0, 1.5)), (1, 1, 1/4), order=1)");
    }

    @Test
    void sigmaInMmOnAnisotropicGrid() {
        Volume hr = Ch2.betCrop(40, 40, 40);
        hr = hr.withAffine(Affine.diagonal(0.5, 1, 2));
        Volume a = Degrader.of(2).withSigmaMm(1.0).apply(hr);
        Volume b = Degrader.of(2).withSigma(2.0, 1.0, 0.5).apply(hr);
        assertArrayEquals(b.data(), a.data());
    }

    @Test
    void factorOneWithOrderOneAndNoBlurIsIdentity() {
        Volume hr = Ch2.betCrop(20, 21, 22);
        Volume same = Degrader.of(1).withSigma(0).withOrder(1).apply(hr);
        assertArrayEquals(hr.data(), same.data());
        assertEquals(hr.affine(), same.affine());
    }

    @Test
    void ricianNoiseIsSeededAndHasTheRightStrength() {
        Volume hr = Volume.zeros(64, 64, 64, Affine.identity());
        hr.data()[0] = 100; // max 100 -> sigma = 5 at level 0.05
        Volume n1 = RicianNoise.add(hr, 0.05, 42);
        Volume n2 = RicianNoise.add(hr, 0.05, 42);
        Volume n3 = RicianNoise.add(hr, 0.05, 43);
        assertArrayEquals(n1.data(), n2.data());
        assertFalse(Arrays.equals(n1.data(), n3.data()));
        // on a zero signal Rician noise is Rayleigh: mean sigma*sqrt(pi/2), mean square 2 sigma^2
        double sum = 0;
        double sq = 0;
        for (int i = 1; i < n1.size(); i++) {
            sum += n1.data()[i];
            sq += (double) n1.data()[i] * n1.data()[i];
        }
        double mean = sum / (n1.size() - 1);
        double meanSq = sq / (n1.size() - 1);
        assertEquals(5 * Math.sqrt(Math.PI / 2), mean, 0.02);
        assertEquals(2 * 25, meanSq, 0.3);
        // the degrader applies it after downsampling, same seed same result
        Volume d1 = Degrader.of(2).withRicianNoise(0.02, 7).apply(Ch2.betCrop(30, 30, 30));
        Volume d2 = Degrader.of(2).withRicianNoise(0.02, 7).apply(Ch2.betCrop(30, 30, 30));
        assertArrayEquals(d1.data(), d2.data());
        assertFalse(Arrays.equals(d1.data(), Degrader.of(2).apply(Ch2.betCrop(30, 30, 30)).data()));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(InvalidInputException.class, () -> Degrader.of(0.5));
        assertThrows(InvalidInputException.class, () -> Degrader.of(2).withOrder(2));
        assertThrows(InvalidInputException.class, () -> Degrader.of(2).withSigma(-1));
        assertThrows(InvalidInputException.class, () -> Degrader.of(2).withRicianNoise(-0.1, 1));
    }
}
