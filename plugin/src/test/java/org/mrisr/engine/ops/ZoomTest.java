package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;

/** Zoom against scipy.ndimage.zoom, run live on real brain data. */
class ZoomTest {

    private static void compare(String what, Volume in, double[] factors, int order, boolean prefilter) {
        Volume ours = Zoom.zoom(in, factors, order, prefilter);
        String f = factors.length == 1 ? Double.toString(factors[0])
                : "(" + factors[0] + "," + factors[1] + "," + factors[2] + ")";
        Volume ref = PyVolumes.compute(in, "ndi.zoom(v, " + f + ", order=" + order + ", prefilter="
                + (prefilter ? "True" : "False") + ")");
        assertArrayEquals(ref.shape(), ours.shape(), "shape");
        double d = Ch2.report(what + " zoom " + f + " order " + order + (prefilter ? "" : " no-prefilter"),
                PyVolumes.maxAbsDiff(ours, ref), 133);
        assertTrue(d <= Ch2.MAX_REL_DIFF * 133, "max diff " + d);
    }

    @ParameterizedTest(name = "factor {0}, order {1}, prefilter {2}")
    @CsvSource({
        "0.5, 0, false", "0.5, 1, false", "0.5, 3, false", "0.5, 3, true",
        "2.0, 0, false", "2.0, 1, false", "2.0, 3, false", "2.0, 3, true",
        "0.25, 3, false", "0.3333333333333333, 1, false", "1.0, 3, false", "1.0, 3, true"})
    void cropOfCh2betMatchesScipy(double factor, int order, boolean prefilter) {
        // odd and even sizes on different axes
        compare("crop 45x52x39", Ch2.betCrop(45, 52, 39), new double[] {factor}, order, prefilter);
    }

    @Test
    void perAxisFactorsMatchScipy() {
        compare("crop 40x44x48", Ch2.betCrop(40, 44, 48), new double[] {1, 1, 0.25}, 3, false);
        compare("crop 40x44x48", Ch2.betCrop(40, 44, 48), new double[] {2, 0.5, 1.5}, 3, true);
    }

    @Test
    void cubicUpsamplingOfAFullLowResBrainMatchesScipy() {
        Volume lr = Zoom.zoom(Ch2.bet(), new double[] {0.5}, 1, false);
        compare("ch2bet LR 90x108x90 (full)", lr, new double[] {2}, 3, true);
    }

    /** Sizes where scipy's last output slice is 0 (coordinate past the end by a rounding error). */
    @ParameterizedTest(name = "N={0} factor {1} order {2}")
    @CsvSource({"28, 0.5, 3", "32, 0.5, 3", "28, 0.5, 0", "32, 0.5, 1", "30, 0.25, 3", "28, 2.0, 3", "32, 2.0, 3",
        "29, 3.0, 1", "14, 2.0, 3", "16, 2.0, 0"})
    void quirkShapesBehaveLikeScipy(int n, double factor, int order) {
        Volume in = Ch2.betCrop(n, n, 5);
        double[] f = {factor, factor, 1};
        compare("quirk " + n + "x" + n + "x5", in, f, order, order == 3);
        Volume ours = Zoom.zoom(in, f, order, order == 3);
        double lastStep = (ours.nx() - 1) * AxisSampling.step(n, ours.nx());
        if (lastStep > n - 1) {
            // the quirk applies: the whole last x and y slices are 0, as in scipy
            for (int z = 0; z < ours.nz(); z++) {
                for (int y = 0; y < ours.ny(); y++) {
                    assertEquals(0f, ours.get(ours.nx() - 1, y, z));
                }
            }
        }
    }

    @Test
    void quirkExampleIsReallyHit() {
        // 28 -> 14: 13 * (27/13) rounds above 27, so scipy zeroes the last slice
        assertTrue(13 * (27.0 / 13) > 27);
        AxisSampling s = AxisSampling.of(28, 14, 3);
        assertTrue(s.zero[13]);
        assertTrue(!s.zero[12]);
    }

    @Test
    void outputShapeUsesPythonRounding() {
        assertArrayEquals(new int[] {90, 108, 90}, Zoom.outputShape(new int[] {181, 217, 181}, new double[] {0.5}));
        assertArrayEquals(new int[] {45, 54, 45}, Zoom.outputShape(new int[] {181, 217, 181}, new double[] {0.25}));
        assertArrayEquals(new int[] {362, 434, 362}, Zoom.outputShape(new int[] {181, 217, 181}, new double[] {2}));
    }

    @Test
    void affineFollowsTheZoomGridAndRoundTrips() {
        Affine a = Affine.ofRowMajor(0.9, 0.1, 0, -90, -0.1, 1.1, 0.05, -125, 0, 0, 1.2, -71, 0, 0, 0, 1);
        float[] data = new float[180 * 216 * 8];
        Volume hr = new Volume(180, 216, 8, data, a);
        Volume lr = Degrader.of(new double[] {2, 4, 2}).apply(hr);
        assertArrayEquals(new int[] {90, 54, 4}, lr.shape());
        // first voxel centre is fixed; last LR voxel centre = last HR voxel centre
        assertArrayEquals(a.apply(0, 0, 0), lr.affine().apply(0, 0, 0), 1e-9);
        assertArrayEquals(a.apply(179, 215, 7), lr.affine().apply(89, 53, 3), 1e-9);
        Volume back = Interpolator.upsample(lr, new double[] {2, 4, 2}, 3, true);
        assertArrayEquals(hr.shape(), back.shape());
        assertTrue(hr.affine().maxAbsDifference(back.affine()) < 1e-6, back.affine().toString());
    }

    @Test
    void toShapeBringsAnOddSizedHrBack() {
        Volume hr = Ch2.betCrop(37, 41, 9);
        Volume lr = Degrader.of(2).apply(hr);
        Volume back = Interpolator.toShape(lr, hr.shape(), 3, true);
        assertArrayEquals(hr.shape(), back.shape());
        assertTrue(hr.affine().maxAbsDifference(back.affine()) < 1e-6);
        Volume ref = PyVolumes.compute(lr, "ndi.zoom(v, np.array([37, 41, 9]) / np.array(v.shape), order=3)");
        assertArrayEquals(ref.shape(), back.shape());
        assertTrue(PyVolumes.maxAbsDiff(ref, back) <= Ch2.MAX_REL_DIFF * 133);
    }

    @Test
    void singleSampleAxes() {
        Volume in = Ch2.betCrop(1, 7, 9);
        compare("1x7x9", in, new double[] {3, 1, 0.2}, 3, true);
        compare("1x7x9", in, new double[] {3, 1, 0.2}, 1, false);
    }

    @Test
    void aSizeOneAxisKeepsAPositiveVoxelSizeScaledByTheFactor() {
        // a 40x40x1 slice upsampled x2, and a 4-slice volume degraded to one slice: neither may get pixdim 0
        Affine a = Affine.ofRowMajor(0.9, 0, 0, -90, 0, 1.1, 0, -125, 0, 0, 3, -71, 0, 0, 0, 1);
        Volume slice = new Volume(40, 40, 1, new float[40 * 40], a);
        Volume up = Interpolator.upsample(slice, new double[] {2, 2, 2}, 3, true);
        assertArrayEquals(new int[] {80, 80, 2}, up.shape());
        assertArrayEquals(new double[] {0.9 * 39 / 79, 1.1 * 39 / 79, 1.5}, up.voxelSize(), 1e-12);
        assertArrayEquals(a.apply(0, 0, 0), up.affine().apply(0, 0, 0), 1e-12);
        Volume thick = new Volume(8, 8, 4, new float[8 * 8 * 4], a);
        Volume down = Zoom.toShape(thick, new int[] {4, 4, 1}, 3, false);
        assertEquals(12, down.voxelSize()[2], 1e-12);
    }

    @Test
    void badArguments() {
        Volume v = Volume.zeros(4, 4, 4, Affine.identity());
        assertThrows(InvalidInputException.class, () -> Zoom.zoom(v, new double[] {2}, 2, true));
        assertThrows(InvalidInputException.class, () -> Zoom.zoom(v, new double[] {0.01}, 1, true));
        assertThrows(InvalidInputException.class, () -> Zoom.zoom(v, new double[] {-1}, 1, true));
        assertThrows(InvalidInputException.class, () -> Zoom.zoom(v, new double[] {1, 2}, 1, true));
    }
}
