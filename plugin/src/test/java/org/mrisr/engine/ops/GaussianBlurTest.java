package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;
import org.mrisr.testutil.Python;

/** GaussianBlur against scipy.ndimage.gaussian_filter, run live. */
class GaussianBlurTest {

    @Test
    void kernelWeightsAreScipys() {
        Python.require("scipy");
        double[] sigmas = {0.3, 0.5, 1.0, 1.3, 2.7, 5.0, 12.5};
        StringBuilder expr = new StringBuilder();
        for (double s : sigmas) {
            expr.append("print(' '.join(float.hex(float(w)) for w in _gaussian_kernel1d(").append(s)
                    .append(", 0, int(4.0*").append(s).append("+0.5))))\n");
        }
        String out = Python.run("from scipy.ndimage._filters import _gaussian_kernel1d\n" + expr);
        String[] lines = out.strip().split("\n");
        long maxUlps = 0;
        for (int i = 0; i < sigmas.length; i++) {
            String[] hex = lines[i].trim().split(" ");
            double[] w = GaussianKernel.weights(sigmas[i], GaussianKernel.radius(sigmas[i], 4.0));
            assertEquals(hex.length, w.length, "radius for sigma " + sigmas[i]);
            for (int j = 0; j < w.length; j++) {
                double ref = Double.parseDouble(hex[j]);
                long ulps = Math.abs(Double.doubleToLongBits(ref) - Double.doubleToLongBits(w[j]));
                maxUlps = Math.max(maxUlps, ulps);
            }
        }
        System.err.println("[scipy agreement] gaussian kernel weights: max " + maxUlps + " float64 ulps");
        assertTrue(maxUlps <= 2, "kernel weights differ from scipy's by " + maxUlps + " ulps");
    }

    @Test
    void radiusIsScipys() {
        assertEquals(4, GaussianKernel.radius(1.0, 4.0));
        assertEquals(2, GaussianKernel.radius(0.5, 4.0));
        assertEquals(0, GaussianKernel.radius(0.1, 4.0));
        assertEquals(10, GaussianKernel.radius(2.5, 4.0)); // int(10.5) truncates
    }

    @Test
    void reflectIndexing() {
        // scipy 'reflect' on n=4, indices -6..9: c d | d c b a | a b c d | d c b a | a b
        int[] expect = {2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1};
        for (int i = -6; i < 10; i++) {
            assertEquals(expect[i + 6], GaussianBlur.reflect(i, 4), "i=" + i);
        }
        assertEquals(0, GaussianBlur.reflect(-1, 1));
        assertEquals(0, GaussianBlur.reflect(5, 1));
    }

    @Test
    void isotropicSigmaOneOnFullCh2betMatchesScipy() {
        Volume v = Ch2.bet();
        Volume ours = GaussianBlur.blur(v, 1.0);
        Volume ref = PyVolumes.compute(v, "ndi.gaussian_filter(v, 1.0)");
        double d = Ch2.report("gaussian_filter(ch2bet, 1) full size", PyVolumes.maxAbsDiff(ours, ref), 133);
        System.err.println("[scipy agreement]   voxels differing at all: " + PyVolumes.countDifferent(ours, ref)
                + " of " + v.size());
        assertTrue(d <= Ch2.MAX_REL_DIFF * 133, "max diff " + d);
        assertEquals(v.affine(), ours.affine());
    }

    @Test
    void perAxisSigmaWithSkippedAxisMatchesScipy() {
        Volume v = Ch2.betCrop(61, 70, 50);
        Volume ours = GaussianBlur.blur(v, 0.7, 2.3, 0);
        Volume ref = PyVolumes.compute(v, "ndi.gaussian_filter(v, (0.7, 2.3, 0))");
        double d = Ch2.report("gaussian_filter(crop, (0.7, 2.3, 0))", PyVolumes.maxAbsDiff(ours, ref), 133);
        assertTrue(d <= Ch2.MAX_REL_DIFF * 133, "max diff " + d);
    }

    @Test
    void kernelWiderThanVolumeReflectsRepeatedly() {
        Volume v = Ch2.betCrop(5, 4, 3);
        Volume ours = GaussianBlur.blur(v, 3.0, 2.0, 5.0);
        Volume ref = PyVolumes.compute(v, "ndi.gaussian_filter(v, (3.0, 2.0, 5.0))");
        double d = Ch2.report("gaussian_filter(5x4x3, (3, 2, 5))", PyVolumes.maxAbsDiff(ours, ref), 133);
        assertTrue(d <= Ch2.MAX_REL_DIFF * 133, "max diff " + d);
    }

    @Test
    void sigmaInMmUsesVoxelSize() {
        float[] d = new float[8 * 8 * 8];
        d[4 + 8 * (4 + 8 * 4)] = 1;
        Volume v = new Volume(8, 8, 8, d, Affine.diagonal(0.5, 1, 2));
        Volume mm = GaussianBlur.blurMm(v, 1.0);
        Volume vox = GaussianBlur.blur(v, 2.0, 1.0, 0.5);
        assertArrayEquals(vox.data(), mm.data());
    }

    @Test
    void zeroSigmaIsACopy() {
        Volume v = Ch2.betCrop(6, 5, 4);
        Volume b = GaussianBlur.blur(v, 0.0);
        assertArrayEquals(v.data(), b.data());
        assertTrue(b.data() != v.data());
    }

    @Test
    void negativeSigmaIsRejected() {
        Volume v = Volume.zeros(3, 3, 3, Affine.identity());
        assertThrows(InvalidInputException.class, () -> GaussianBlur.blur(v, -1.0));
        assertThrows(InvalidInputException.class, () -> GaussianBlur.blur(v, 1.0, 2.0));
    }
}
