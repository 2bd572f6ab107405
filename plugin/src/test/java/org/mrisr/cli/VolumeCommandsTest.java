package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.ops.Zoom;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;
import org.mrisr.testutil.RealData;

/** ./mrisr degrade and ./mrisr interpolate, in process, against scipy on real data. */
class VolumeCommandsTest {
    record Run(int code, String out, String err) {
        JsonObject json() {
            assertEquals(1, out.strip().lines().count(), out);
            return new JsonParser().parse(out.strip()).getAsJsonObject();
        }
    }

    static Run run(String... argv) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private static double maxAbs(Volume a, Volume b) {
        return PyVolumes.maxAbsDiff(a, b);
    }

    @Test
    void degradeFullCh2betEqualsThePapersScipyExpression(@TempDir Path dir) {
        Path hrPath = RealData.mricron("ch2bet.nii.gz");
        Path lrPath = dir.resolve("lr.nii.gz");
        Run r = run("degrade", "--in", hrPath.toString(), "--out", lrPath.toString(), "--factor", "2");
        assertEquals(0, r.code(), r.err());
        JsonObject j = r.json();
        assertEquals("[90,108,90]", j.get("shape").toString());
        Volume lr = NiftiReader.read(lrPath);
        Volume hr = PyVolumes.load(hrPath);
        Volume ref = PyVolumes.compute(hr, "ndi.zoom(ndi.gaussian_filter(v, 1), 1/2, order=3, prefilter=False)");
        assertArrayEquals(ref.shape(), lr.shape());
        assertTrue(maxAbs(ref, lr) <= 1e-6 * 133, "max diff " + maxAbs(ref, lr));
        // the sform is stored as float32
        assertTrue(Zoom.outputAffine(hr.affine(), hr.shape(), lr.shape()).maxAbsDifference(lr.affine()) < 1e-5);
    }

    @Test
    void degradeOptionsAndInterpolateMatchScipy(@TempDir Path dir) throws Exception {
        Volume hr = PyVolumes.load(RealData.mricron("ch2bet.nii.gz")).crop(40, 50, 40, 100, 112, 96);
        Path hrPath = dir.resolve("hr.nii");
        NiftiWriter.write(hr, hrPath);
        Path lrPath = dir.resolve("lr.nii");
        Run r = run("degrade", "--in", hrPath.toString(), "--out", lrPath.toString(), "--factor", "2,2,4", "--sigma",
                "1,1,2", "--order", "1");
        assertEquals(0, r.code(), r.err());
        Volume lr = NiftiReader.read(lrPath);
        Volume ref = PyVolumes.compute(hr, "ndi.zoom(ndi.gaussian_filter(v, (1, 1, 2)), (1/2, 1/2, 1/4), order=1)");
        assertTrue(maxAbs(ref, lr) <= 1e-6 * 133);

        Path upPath = dir.resolve("up.nii.gz");
        r = run("interpolate", "--in", lrPath.toString(), "--out", upPath.toString(), "--factor", "2,2,4");
        assertEquals(0, r.code(), r.err());
        assertEquals("[100,112,96]", r.json().get("shape").toString());
        Volume up = NiftiReader.read(upPath);
        Volume upRef = PyVolumes.compute(lr, "ndi.zoom(v, (2, 2, 4), order=3)");
        assertTrue(maxAbs(upRef, up) <= 1e-6 * 133);
        // degrade -> interpolate gives back the HR grid (to the float32 precision of the stored sform)
        assertTrue(hr.affine().maxAbsDifference(up.affine()) < 1e-5, up.affine() + " vs " + hr.affine());

        r = run("interpolate", "--in", lrPath.toString(), "--out", upPath.toString(), "--factor", "2", "--order", "0", "--overwrite");
        assertEquals(0, r.code(), r.err());
        Volume nn = NiftiReader.read(upPath);
        assertTrue(maxAbs(PyVolumes.compute(lr, "ndi.zoom(v, 2, order=0)"), nn) == 0);
        r = run("interpolate", "--in", lrPath.toString(), "--out", upPath.toString(), "--factor", "2", "--no-prefilter", "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertTrue(maxAbs(PyVolumes.compute(lr, "ndi.zoom(v, 2, order=3, prefilter=False)"), NiftiReader.read(upPath))
                <= 1e-6 * 133);
    }

    @Test
    void interpolateOntoAnExplicitShapeRestoresAnOddHrGrid(@TempDir Path dir) throws Exception {
        Volume hr = PyVolumes.load(RealData.mricron("ch2bet.nii.gz")).crop(40, 50, 40, 101, 111, 95);
        Path hrPath = dir.resolve("hr.nii");
        NiftiWriter.write(hr, hrPath);
        Path lrPath = dir.resolve("lr.nii");
        assertEquals(0, run("degrade", "--in", hrPath.toString(), "--out", lrPath.toString(), "--factor", "2").code());
        Volume lr = NiftiReader.read(lrPath);
        assertArrayEquals(new int[] {50, 56, 48}, lr.shape());
        Path upPath = dir.resolve("up.nii");
        Run r = run("interpolate", "--in", lrPath.toString(), "--out", upPath.toString(), "--shape", "101,111,95");
        assertEquals(0, r.code(), r.err());
        Volume up = NiftiReader.read(upPath);
        assertArrayEquals(hr.shape(), up.shape());
        assertTrue(hr.affine().maxAbsDifference(up.affine()) < 1e-5);
        Volume ref = PyVolumes.compute(lr, "ndi.zoom(v, np.array([101, 111, 95]) / np.array(v.shape), order=3)");
        assertTrue(maxAbs(ref, up) <= 1e-6 * 133);
        r = run("interpolate", "--in", lrPath.toString(), "--out", upPath.toString(), "--shape", "101,111,95", "--factor", "2");
        assertEquals(2, r.code());
        r = run("interpolate", "--in", lrPath.toString(), "--out", upPath.toString(), "--shape", "101,111.5,95");
        assertEquals(2, r.code());
    }

    @Test
    void badInputIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.nii.gz");
        Path out = dir.resolve("o.nii");
        for (String cmd : new String[] {"degrade", "interpolate"}) {
            Run r = run(cmd, "--in", missing.toString(), "--out", out.toString(), "--factor", "2");
            assertEquals(2, r.code());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: " + missing), r.err());
            assertEquals("", r.out());

            Path junk = dir.resolve("junk.nii");
            Files.writeString(junk, "this is not a NIfTI file");
            r = run(cmd, "--in", junk.toString(), "--out", out.toString(), "--factor", "2");
            assertEquals(2, r.code());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: " + junk), r.err());

            r = run(cmd, "--in", junk.toString(), "--out", dir.resolve("no/such/dir/o.nii").toString(), "--factor", "2");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("does not exist"), r.err());
            r = run(cmd, "--in", junk.toString(), "--out", dir.resolve("o.png").toString(), "--factor", "2");
            assertEquals(2, r.code());
            r = run(cmd, "--in", junk.toString(), "--out", out.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("--factor"), r.err());
            r = run(cmd, "--in", junk.toString(), "--out", out.toString(), "--factor", "2", "--order", "2");
            assertEquals(2, r.code());
            assertTrue(r.err().contains("--order"), r.err());
            r = run(cmd, "--in", junk.toString(), "--out", out.toString(), "--factor", "0");
            assertEquals(2, r.code());
            assertFalse(Files.exists(out));
        }
        Run r = run("degrade", "--in", missing.toString(), "--out", out.toString(), "--factor", "2", "--sigma", "1",
                "--sigma-mm", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sigma-mm"), r.err());
    }

    @Test
    void helpTexts() {
        assertTrue(run("degrade", "--help").out().startsWith("usage: mrisr degrade"));
        assertTrue(run("interpolate", "--help").out().startsWith("usage: mrisr interpolate"));
    }
}
