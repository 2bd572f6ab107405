package org.mrisr.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.testutil.RealData;

/**
 * Agreement with scikit-image's {@code structural_similarity}, {@code peak_signal_noise_ratio},
 * {@code mean_squared_error} and {@code normalized_root_mse} (plus numpy for MAE), called live on
 * the same float32 voxels: |ΔSSIM| ≤ 1e-4 and |ΔPSNR| ≤ 1e-4 dB (the issue's contract) for each
 * window, range policy and mask mode skimage can express.
 */
class MetricsVsSkimageTest {
    static final double SSIM_TOL = 1e-4;
    static final double PSNR_TOL_DB = 1e-4;
    /** MSE, NRMSE, MAE are plain float64 sums on both sides: only summation order differs. */
    static final double REL_TOL = 1e-9;

    @TempDir
    Path tmp;

    static String cases(String[] windows, String[] ranges, String[] masks) {
        List<String> c = new ArrayList<>();
        for (String w : windows) {
            for (String r : ranges) {
                for (String m : masks) {
                    c.add("{\"window\":\"" + w + "\",\"range\":\"" + r + "\",\"mask\":\"" + m + "\"}");
                }
            }
        }
        return "[" + String.join(",", c) + "]";
    }

    /** Scores every case with the engine and checks it against skimage; returns the worst deviations. */
    static double[] checkAll(SkimageReference ref, int threads, String label) {
        double worstSsim = 0;
        double worstPsnr = 0;
        for (JsonElement e : ref.cases) {
            JsonObject c = e.getAsJsonObject();
            MaskMode mode = SkimageReference.maskMode(c);
            VolumeScorer scorer = new VolumeScorer(SkimageReference.window(c), SkimageReference.range(c), mode, threads);
            VolumeScores s = scorer.score(ref.reference, ref.test, mode == null ? null : ref.mask);
            String what = label + " " + c;
            assertEquals(c.get("R").getAsDouble(), s.dataRange(), 1e-9 * s.dataRange(), what + " data range");
            double dSsim = Math.abs(s.ssim() - c.get("ssim").getAsDouble());
            double dPsnr = Math.abs(s.psnr() - c.get("psnr").getAsDouble());
            assertTrue(dSsim <= SSIM_TOL, what + ": ssim " + s.ssim() + " vs skimage " + c.get("ssim"));
            assertTrue(dPsnr <= PSNR_TOL_DB, what + ": psnr " + s.psnr() + " vs skimage " + c.get("psnr"));
            assertRel(c.get("mse").getAsDouble(), s.mse(), what + " mse");
            assertRel(c.get("nrmse").getAsDouble(), s.nrmse(), what + " nrmse");
            assertRel(c.get("mae").getAsDouble(), s.mae(), what + " mae");
            if (mode != null) {
                assertEquals(ref.maskVoxels, s.maskVoxels(), what);
            }
            worstSsim = Math.max(worstSsim, dSsim);
            worstPsnr = Math.max(worstPsnr, dPsnr);
        }
        System.err.printf("[skimage %s agreement] %s: %d cases, max |dSSIM| %.3g, max |dPSNR| %.3g dB%n",
                ref.skimageVersion, label, ref.cases.size(), worstSsim, worstPsnr);
        return new double[] {worstSsim, worstPsnr};
    }

    static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, REL_TOL * Math.abs(expected), what + ": " + actual + " vs skimage " + expected);
    }

    @Test
    void randomVolumesEveryWindowPolicyAndMaskMode() throws IOException {
        // odd, unequal sides so an axis mix-up or an off-by-one border crop shows
        SkimageReference ref = SkimageReference.run(tmp, "random:7:23,19,17",
                cases(new String[] {"uniform7", "gauss11"}, new String[] {"paper", "reference", "150"},
                        new String[] {"none", "multiply", "select"}));
        double[] worst = checkAll(ref, 2, "random 23x19x17");
        // float64 on both sides: far inside the contract, so a subtly wrong window would still fail
        assertTrue(worst[0] < 1e-10, "ssim deviation " + worst[0]);
    }

    @Test
    void smallestVolumesTheWindowsAllow() throws IOException {
        checkAll(SkimageReference.run(tmp, "random:3:7,12,9",
                cases(new String[] {"uniform7"}, new String[] {"paper"}, new String[] {"none", "select"})), 1, "random 7x12x9");
        checkAll(SkimageReference.run(tmp, "random:4:13,11,12",
                cases(new String[] {"gauss11"}, new String[] {"reference"}, new String[] {"none", "select"})), 3, "random 13x11x12");
    }

    @Test
    void maskedSsimIsTheMeanOfSkimagesFullMapOverTheMask() throws IOException {
        String cases = "[{\"window\":\"uniform7\",\"range\":\"paper\",\"mask\":\"select\",\"map\":true},"
                + "{\"window\":\"gauss11\",\"range\":\"paper\",\"mask\":\"select\",\"map\":true}]";
        SkimageReference ref = SkimageReference.run(tmp, "random:11:21,18,16", cases);
        for (int i = 0; i < 2; i++) {
            JsonObject c = ref.cases.get(i).getAsJsonObject();
            Ssim3d ssim = new Ssim3d(SkimageReference.window(c), 2);
            double range = c.get("R").getAsDouble();
            double[] expected = ref.readMap(i);
            float[] map = ssim.map(ref.reference, ref.test, range).data();
            double worst = 0;
            boolean[] inside = new boolean[map.length];
            double sum = 0;
            int n = 0;
            for (int v = 0; v < map.length; v++) {
                // our map is stored as float32: compare within its rounding
                worst = Math.max(worst, Math.abs(map[v] - expected[v]));
                inside[v] = ref.mask.data()[v] != 0;
                if (inside[v]) {
                    sum += expected[v];
                    n++;
                }
            }
            assertTrue(worst < 1e-6, c + ": full map differs by " + worst);
            double masked = ssim.maskedMean(ref.reference, ref.test, inside, range);
            assertEquals(sum / n, masked, 1e-12, c.toString());
            assertEquals(c.get("ssim").getAsDouble(), masked, 1e-12, c.toString());
        }
    }

    @Test
    void realBrainAgainstItsDegradedCopyFullSize() throws IOException {
        Path ch2bet = RealData.mricron("ch2bet.nii.gz");
        String cases = "[{\"window\":\"uniform7\",\"range\":\"paper\",\"mask\":\"none\"},"
                + "{\"window\":\"uniform7\",\"range\":\"paper\",\"mask\":\"select\"},"
                + "{\"window\":\"uniform7\",\"range\":\"paper\",\"mask\":\"multiply\"},"
                + "{\"window\":\"gauss11\",\"range\":\"reference\",\"mask\":\"none\"},"
                + "{\"window\":\"gauss11\",\"range\":\"reference\",\"mask\":\"select\"},"
                + "{\"window\":\"uniform7\",\"range\":\"400\",\"mask\":\"none\"}]";
        SkimageReference ref = SkimageReference.run(tmp, "ch2bet:" + ch2bet, cases);
        assertTrue(ref.reference.nx() >= 180 && ref.reference.ny() >= 216, "near full size: " + ref.reference);
        checkAll(ref, 2, "ch2bet 181x217x181 vs blurred 2x down/up");
    }

    @Test
    void realBrainCropGaussianMultiply() throws IOException {
        Path ch2bet = RealData.mricron("ch2bet.nii.gz");
        SkimageReference ref = SkimageReference.run(tmp, "ch2bet:" + ch2bet + ":96",
                cases(new String[] {"gauss11", "uniform7"}, new String[] {"paper", "reference"}, new String[] {"multiply"}));
        checkAll(ref, 2, "ch2bet centre 96^3");
    }
}
