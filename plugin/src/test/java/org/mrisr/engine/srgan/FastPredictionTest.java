package org.mrisr.engine.srgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

/**
 * Whole predictions of the shipped models on a real brain (Colin 27, ch2bet, a brain-centred crop used
 * as the LR input) through the fast inference pass ({@link SrModel#predict}) and the plain forward pass
 * ({@link SrModel#predictPlain}), several overlapping windows each: they must agree within
 * {@link #REL} of the output's range (float32 rounding; measured 3e-7 at ×2, 7e-7 at ×4).
 */
class FastPredictionTest {
    private static final double REL = 1e-5;

    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    private static Volume brainCrop(int sx, int sy, int sz) {
        Volume v = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        return v.crop((v.nx() - sx) / 2, (v.ny() - sy) / 2, (v.nz() - sz) / 2, sx, sy, sz);
    }

    private static void assertSamePrediction(int factor, Volume lr, PredictOptions options) {
        assertSamePrediction(ShippedModels.load(factor).orElseThrow(), lr, options);
    }

    private static void assertSamePrediction(SrModel m, Volume lr, PredictOptions options) {
        int factor = m.config().factor();
        Volume plain = m.predictPlain(lr, options);
        Volume fast = m.predict(lr, options);
        assertArrayEquals(plain.shape(), fast.shape());
        float[] p = plain.data();
        float[] f = fast.data();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double diff = 0;
        for (int i = 0; i < p.length; i++) {
            lo = Math.min(lo, p[i]);
            hi = Math.max(hi, p[i]);
            diff = Math.max(diff, Math.abs(p[i] - f[i]));
        }
        System.err.printf("[fast inference] x%d %s: max|plain - fast| = %.3g (%.2g of range %.4g)%n", factor,
                Arrays.toString(lr.shape()), diff, diff / (hi - lo), hi - lo);
        assertTrue(hi - lo > 10, "degenerate prediction");
        assertTrue(diff <= REL * (hi - lo), "max |plain - fast| " + diff + " > " + REL + " of range " + (hi - lo));
    }

    @Test
    void shippedX2Model() {
        // 2 x 2 x 2 windows of 24 with overlap 6
        assertSamePrediction(2, brainCrop(40, 40, 32), new PredictOptions(24, 6, Blending.GAUSSIAN));
    }

    @Test
    void theFirstReleasesX2SubPixelModelWithItsInputSkip() throws Exception {
        try (java.io.InputStream in = FastPredictionTest.class.getResourceAsStream("io/legacy-x2-colin27.zip")) {
            assertSamePrediction(SrModel.read(in, "legacy-x2-colin27.zip"), brainCrop(40, 40, 32),
                new PredictOptions(24, 6, Blending.GAUSSIAN));
        }
    }

    @Test
    void shippedX4Model() {
        assertSamePrediction(4, brainCrop(20, 20, 16), new PredictOptions(12, 4, Blending.GAUSSIAN));
    }
}
