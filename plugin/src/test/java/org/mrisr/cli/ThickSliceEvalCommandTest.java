package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.thick.Phantoms;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ./mrisr thick-slice-eval} plumbing on a phantom: rows, gains, JSON, written volumes and montage. */
class ThickSliceEvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresEveryCaseAndSummarisesTheGains() throws Exception {
        Path hr = dir.resolve("phantom.nii.gz");
        NiftiWriter.write(Phantoms.ellipsoids(24, 24, 1), hr);
        String[] common = {"thick-slice-eval", "--hr", hr.toString(), "--axis", "z,x", "--mm", "3", "--steps", "2",
            "--channels", "8", "--depth", "3", "--batch", "2", "--patch", "16"};
        MainTest.Run text = MainTest.run(concat(common, "--out-dir", dir.toString()));
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("phantom") && text.out().contains("thick-slice SR") && text.out().contains("cubic"),
            text.out());
        assertTrue(text.out().contains("z x3 gaussian (n = 1)") && text.out().contains("x x3 gaussian (n = 1)"), text.out());
        assertTrue(text.out().contains("PSNR masked (dB)"), text.out());
        for (String f : new String[] {"phantom_z3mm_gaussian_thick.nii.gz", "phantom_z3mm_gaussian_sr.nii.gz",
            "phantom_z3mm_gaussian_cubic.nii.gz", "phantom_z3mm_gaussian.png", "phantom_x3mm_gaussian.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }

        Path sr = dir.resolve("phantom_z3mm_gaussian_sr.nii.gz");
        byte[] before = Files.readAllBytes(sr);
        MainTest.Run again = MainTest.run(concat(common, "--out-dir", dir.toString()));
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("phantom_z3mm_gaussian_thick.nii.gz") && again.err().contains("--overwrite"),
            again.err());
        assertTrue(again.out().isEmpty(), "refused before any case: " + again.out());
        assertArrayEquals(before, Files.readAllBytes(sr));
        assertEquals(0, MainTest.run(concat(common, "--out-dir", dir.toString(), "--overwrite")).code());

        MainTest.Run json = MainTest.run(concat(common, "--json", "--profile", "box"));
        assertEquals(0, json.code(), json.err());
        List<String> lines = json.out().strip().lines().toList();
        assertEquals(2, lines.size(), "one JSON line per case: " + json.out());
        JsonObject c = new JsonParser().parse(lines.get(0)).getAsJsonObject();
        assertEquals("z", c.get("axis").getAsString());
        assertEquals(3, c.get("factor").getAsInt());
        assertEquals("box", c.get("profile").getAsString());
        assertTrue(c.getAsJsonObject("sr").get("psnr_masked").getAsDouble() > 0);
    }

    @Test
    void refusesThicknessesThatAreNoWholeNumberOfVoxels() throws Exception {
        Path hr = dir.resolve("half.nii.gz");
        NiftiWriter.write(Volume.zeros(20, 20, 20, Affine.diagonal(0.7, 0.7, 0.7)), hr);
        MainTest.Run r = MainTest.run("thick-slice-eval", "--hr", hr.toString(), "--mm", "4");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("4.00 mm slices are 5.71 voxels of 0.700 mm along z"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
