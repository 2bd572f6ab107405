package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ./mrisr score} in-process, end to end through the NIfTI reader, against scikit-image run
 * on the same files with nibabel.
 */
class ScoreCommandTest {
    @TempDir
    static Path dir;
    static Path hr;
    static Path sr;
    static Path lr;

    /** ch2bet's centre 64x72x60 box (real brain with background) and a noisy, shifted copy. */
    @BeforeAll
    static void files() throws IOException {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Volume ref = full.crop(58, 70, 0, 64, 72, 60);
        float[] d = ref.data().clone();
        Random rnd = new Random(1);
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] == 0 ? 0 : (float) (d[i] + 6 * rnd.nextGaussian() + 2);
        }
        hr = dir.resolve("hr.nii.gz");
        sr = dir.resolve("sr.nii.gz");
        lr = dir.resolve("lr.nii.gz");
        NiftiWriter.write(ref, hr);
        NiftiWriter.write(ref.withData(d), sr);
        NiftiWriter.write(ref.crop(0, 0, 0, 32, 36, 30), lr);
    }

    /** The one error line; progress lines before it are allowed on stderr. */
    static String errorLine(MainTest.Run r) {
        java.util.List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        return errors.get(0);
    }

    static JsonObject json(MainTest.Run r) {
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        return new JsonParser().parse(r.out()).getAsJsonObject();
    }

    /** skimage on the files as nibabel reads them (float64 get_fdata). */
    static JsonObject skimage(String maskKind, String window, String range) {
        Python.require("nibabel", "scipy", "skimage");
        String out = Python.run(String.join("\n",
                "import sys, json, numpy as np, nibabel as nib",
                "from scipy import ndimage",
                "from skimage.metrics import structural_similarity as ssim, peak_signal_noise_ratio as psnr",
                "a = nib.load(sys.argv[1]).get_fdata(); b = nib.load(sys.argv[2]).get_fdata()",
                "mk, w, rg = sys.argv[3], sys.argv[4], sys.argv[5]",
                "R = {'paper': max(a.max(), b.max()) - min(a.min(), b.min()), 'reference': a.max() - a.min()}.get(rg) or float(rg)",
                "kw = dict(data_range=R)",
                "if w == 'gauss11': kw.update(gaussian_weights=True, sigma=1.5, use_sample_covariance=False)",
                "m = ndimage.binary_fill_holes(a > 0)",
                "if mk == 'none': s = ssim(a, b, **kw); p = psnr(a, b, data_range=R)",
                "elif mk == 'multiply': s = ssim(a * m, b * m, **kw); p = psnr(a * m, b * m, data_range=R)",
                "else: s = ssim(a, b, full=True, **kw)[1][m].mean(); p = psnr(a[m], b[m], data_range=R)",
                "print(json.dumps(dict(ssim=float(s), psnr=float(p), R=float(R), voxels=int(m.sum()))))"),
                hr.toString(), sr.toString(), maskKind, window, range);
        return new JsonParser().parse(out.strip()).getAsJsonObject();
    }

    static void agrees(JsonObject ours, JsonObject ref) {
        assertEquals(ref.get("ssim").getAsDouble(), ours.get("ssim").getAsDouble(), 1e-4, ours.toString());
        assertEquals(ref.get("psnr").getAsDouble(), ours.get("psnr").getAsDouble(), 1e-4, ours.toString());
        assertEquals(ref.get("R").getAsDouble(), ours.get("data_range").getAsDouble(), 1e-9, ours.toString());
    }

    @Test
    void defaultsMatchSkimageAndJsonHasTheDocumentedKeys() {
        JsonObject o = json(MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--json"));
        agrees(o, skimage("none", "uniform7", "paper"));
        for (String k : new String[] {"psnr", "psnr_infinite", "ssim", "mse", "nrmse", "mae", "data_range", "window",
                "range_policy", "mask"}) {
            assertTrue(o.has(k), k + " missing in " + o);
        }
        assertEquals("uniform7", o.get("window").getAsString());
        assertEquals("paper", o.get("range_policy").getAsString());
        assertTrue(o.get("mask").isJsonNull());
        assertEquals(false, o.get("psnr_infinite").getAsBoolean());
    }

    @Test
    void autoMaskMultipliesWithThePaperRange() {
        JsonObject o = json(MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--mask", "auto",
                "--window", "gauss11", "--json"));
        JsonObject ref = skimage("multiply", "gauss11", "paper");
        agrees(o, ref);
        JsonObject m = o.getAsJsonObject("mask");
        assertEquals("multiply", m.get("mode").getAsString());
        assertEquals("auto", m.get("source").getAsString());
        assertEquals(ref.get("voxels").getAsLong(), m.get("voxels").getAsLong());
    }

    @Test
    void maskFileWithReferenceRangeAveragesOverTheMask() throws IOException {
        Volume ref = NiftiReader.read(hr);
        float[] m = new float[ref.size()];
        // the mask skimage's side builds (binary_fill_holes(hr > 0)); its voxel count is checked against scipy's
        Volume auto = ScoreCommand.autoMask(ref);
        System.arraycopy(auto.data(), 0, m, 0, m.length);
        Path maskFile = dir.resolve("mask.nii.gz");
        NiftiWriter.write(ref.withData(m), maskFile);
        JsonObject o = json(MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--mask",
                maskFile.toString(), "--range", "reference", "--json"));
        JsonObject expected = skimage("select", "uniform7", "reference");
        agrees(o, expected);
        assertEquals("select", o.getAsJsonObject("mask").get("mode").getAsString());
        assertEquals(expected.get("voxels").getAsLong(), o.getAsJsonObject("mask").get("voxels").getAsLong());
    }

    @Test
    void fixedRangeAndTextOutput() {
        JsonObject o = json(MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--range", "255", "--json"));
        agrees(o, skimage("none", "uniform7", "255"));
        assertEquals("fixed", o.get("range_policy").getAsString());
        MainTest.Run text = MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("psnr "), text.out());
        assertTrue(text.out().contains("window      uniform7"), text.out());
    }

    @Test
    void identicalVolumesHaveInfinitePsnrAsNull() {
        JsonObject o = json(MainTest.run("score", "--reference", hr.toString(), "--test", hr.toString(), "--json"));
        assertTrue(o.get("psnr").isJsonNull(), o.toString());
        assertTrue(o.get("psnr_infinite").getAsBoolean());
        assertEquals(1.0, o.get("ssim").getAsDouble(), 1e-12);
        assertEquals(0.0, o.get("mse").getAsDouble());
        MainTest.Run text = MainTest.run("score", "--reference", hr.toString(), "--test", hr.toString());
        assertTrue(text.out().contains("inf"), text.out());
    }

    @Test
    void lowResolutionTestVolumeIsRecognised() {
        MainTest.Run r = MainTest.run("score", "--reference", hr.toString(), "--test", lr.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(errorLine(r).startsWith("error: " + lr + ": shape 32x36x30 differs from the reference " + hr + " (64x72x60)"), r.err());
        assertTrue(r.err().contains("looks like the low-resolution volume (reference / 2 per axis)"), r.err());
    }

    @Test
    void badInputsAreClearErrors() throws IOException {
        Volume ref = NiftiReader.read(hr);
        Volume nan = ref.copy();
        nan.set(3, 4, 5, Float.NaN);
        Path nanFile = dir.resolve("nan.nii");
        NiftiWriter.write(nan, nanFile);
        // NaN is background by default (NonFiniteCommandsTest); refused on request
        MainTest.Run r = MainTest.run("score", "--reference", hr.toString(), "--test", nanFile.toString(), "--nonfinite",
                "refuse");
        assertEquals(2, r.code());
        assertTrue(errorLine(r).startsWith("error: " + nanFile + ": has 1 NaN voxel(s)"), r.err());

        Path empty = dir.resolve("empty.nii");
        NiftiWriter.write(Volume.zeros(64, 72, 60, ref.affine()), empty);
        r = MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--mask", empty.toString());
        assertEquals(2, r.code());
        assertTrue(errorLine(r).startsWith("error: " + empty + ": empty mask"), r.err());

        Path tiny = dir.resolve("tiny.nii");
        NiftiWriter.write(ref.crop(0, 0, 0, 20, 20, 9), tiny);
        r = MainTest.run("score", "--reference", tiny.toString(), "--test", tiny.toString(), "--window", "gauss11");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("smaller than the 11-voxel SSIM window (gauss11) along z"), r.err());

        r = MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--window", "box");
        assertEquals(2, r.code());
        assertTrue(errorLine(r).startsWith("error: --window must be uniform7 or gauss11"), r.err());

        r = MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--range", "-3");
        assertEquals(2, r.code());
        assertTrue(errorLine(r).startsWith("error: --range: "), r.err());

        r = MainTest.run("score", "--reference", hr.toString(), "--test", sr.toString(), "--mask-mode", "select");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--mask-mode needs --mask"), r.err());

        r = MainTest.run("score", "--reference", hr.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing --test"), r.err());

        r = MainTest.run("score", "--reference", dir.resolve("nope.nii").toString(), "--test", sr.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.nii"), r.err());
    }

    @Test
    void autoMaskFillsEnclosedHolesOnly() {
        // a 9^3 box: a solid shell 1..7 with a dark centre (enclosed: filled) and a dark tunnel
        // along x at (y=4, z=2) reaching the border (open: stays outside)
        Volume v = Volume.zeros(9, 9, 9, org.mrisr.engine.volume.Affine.identity());
        for (int z = 1; z <= 7; z++) {
            for (int y = 1; y <= 7; y++) {
                for (int x = 1; x <= 7; x++) {
                    boolean centre = x >= 3 && x <= 5 && y >= 3 && y <= 5 && z >= 4 && z <= 5;
                    boolean tunnel = y == 4 && z == 2;
                    v.set(x, y, z, centre || tunnel ? 0f : 5f);
                }
            }
        }
        Volume m = ScoreCommand.autoMask(v);
        assertEquals(1f, m.get(4, 4, 4));
        assertEquals(0f, m.get(4, 4, 2));
        assertEquals(0f, m.get(0, 0, 0));
        assertEquals(1f, m.get(1, 1, 1));
        double inside = 0;
        for (float f : m.data()) {
            inside += f;
        }
        assertEquals(7 * 7 * 7 - 7, inside);
    }
}
