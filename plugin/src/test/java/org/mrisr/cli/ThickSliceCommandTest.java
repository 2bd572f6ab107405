package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.thick.Phantoms;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.Python;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ./mrisr thick-slice} on small phantoms: the output contract, refusals, model reuse, Ctrl-C. */
class ThickSliceCommandTest {
    @TempDir
    static Path dir;
    static Path fine;
    static Path thick;

    @BeforeAll
    static void writeScans() throws Exception {
        fine = dir.resolve("fine.nii.gz");
        NiftiWriter.write(Phantoms.ellipsoids(24, 30, 1), fine);
        thick = dir.resolve("thick.nii.gz");
        NiftiWriter.write(Phantoms.thick(24, 30, 1, 2, 3), thick);
    }

    @Test
    void refinesTheThickAxisOntoTheFineGridAndReusesASavedModel() throws Exception {
        Path out = dir.resolve("iso.nii.gz");
        Path model = dir.resolve("m.zip");
        MainTest.Run r = MainTest.run("thick-slice", "--in", thick.toString(), "--out", out.toString(), "--steps", "3",
                "--channels", "8", "--depth", "3", "--batch", "2", "--save-model", model.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject j = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals("z", j.get("axis").getAsString());
        assertEquals(3, j.get("factor").getAsInt());
        assertEquals(3, j.get("training_steps").getAsInt());
        assertTrue(r.err().contains("axis z, factor 3") && r.err().contains("train step 3/3"), r.err());
        Volume iso = NiftiReader.read(out);
        Volume ref = NiftiReader.read(fine);
        assertArrayEquals(ref.shape(), iso.shape());
        assertEquals(0, iso.affine().maxAbsDifference(ref.affine()), 1e-5, "the fine phantom's grid (float32 header)");

        Path again = dir.resolve("again.nii.gz");
        MainTest.Run reuse = MainTest.run("thick-slice", "--in", thick.toString(), "--out", again.toString(), "--model",
                model.toString());
        assertEquals(0, reuse.code(), reuse.err());
        assertArrayEquals(iso.data(), NiftiReader.read(again).data());
    }

    @Test
    void refusesWhatItCannotRefineWithOneLine() throws Exception {
        Path out = dir.resolve("never.nii.gz");
        assertRefused("already isotropic", "--in", fine.toString(), "--out", out.toString());
        assertRefused("a factor below 2", "--in", thick.toString(), "--out", out.toString(), "--factor", "1");
        Path few = dir.resolve("few.nii.gz");
        NiftiWriter.write(Volume.zeros(20, 20, 6, Affine.diagonal(1, 1, 5)), few);
        assertRefused("only 6 slices along z", "--in", few.toString(), "--out", out.toString());
        assertFalse(Files.exists(out));

        Python.require("nibabel", "numpy");
        Path fourD = dir.resolve("4d.nii.gz");
        Python.run("import nibabel as nib, numpy as np, sys\n"
                + "nib.save(nib.Nifti1Image(np.zeros((20, 20, 10, 3), np.float32), np.diag([1, 1, 4, 1])), sys.argv[1])",
                fourD.toString());
        assertRefused("4-D file with 3 volumes; give --volume N", "--in", fourD.toString(), "--out", out.toString());
        MainTest.Run pick = MainTest.run("thick-slice", "--in", fourD.toString(), "--out", out.toString(), "--volume", "7");
        assertEquals(2, pick.code());
        assertTrue(pick.err().contains("volume 7 requested but the file has 3 volumes"), pick.err());
    }

    /** Outputs never destroy data (issue 19): an existing ISO, the input itself, and non-finite voxels. */
    @Test
    void keepsExistingFilesAndTreatsNonFiniteVoxelsAsBackground() throws Exception {
        Path existing = dir.resolve("existing.nii.gz");
        Files.writeString(existing, "a file the user had");
        assertRefused("exists; nothing was changed (give --overwrite to replace it)", "--in", thick.toString(), "--out",
                existing.toString());
        assertEquals("a file the user had", Files.readString(existing));
        byte[] before = Files.readAllBytes(thick);
        assertRefused("thick.nii.gz", "--in", thick.toString(), "--out", thick.toString(), "--overwrite");
        assertArrayEquals(before, Files.readAllBytes(thick));

        Volume v = NiftiReader.read(thick);
        float[] d = v.data().clone();
        d[5] = Float.NaN;
        d[9] = Float.POSITIVE_INFINITY;
        Path nan = dir.resolve("nan.nii");
        NiftiWriter.write(new Volume(v.nx(), v.ny(), v.nz(), d, v.affine()), nan);
        Path out = dir.resolve("nan-iso.nii.gz");
        assertRefused("nan.nii", "--in", nan.toString(), "--out", out.toString(), "--nonfinite", "refuse");
        assertFalse(Files.exists(out));
        MainTest.Run r = MainTest.run("thick-slice", "--in", nan.toString(), "--out", out.toString(), "--steps", "2",
                "--channels", "8", "--depth", "3", "--batch", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: ") && r.err().contains("nan.nii") && r.err().contains("1 NaN"), r.err());
        for (float x : NiftiReader.read(out).data()) {
            assertTrue(Float.isFinite(x));
        }
    }

    /** A folder of three scans, one corrupt: two outputs, one error line naming it, exit 2; a rerun skips the two. */
    @Test
    void refinesAFolderAndGoesOnAfterABadFile() throws Exception {
        Path in = dir.resolve("batch-in");
        Files.createDirectories(in);
        Files.copy(thick, in.resolve("a.nii.gz"));
        NiftiWriter.write(Phantoms.thick(20, 24, 2, 1, 2), in.resolve("b.nii.gz"));
        Files.write(in.resolve("c.nii.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
        Path outDir = dir.resolve("batch-out");
        String[] argv = {"thick-slice", "--in", in.toString(), "--out", outDir.toString(), "--steps", "2", "--channels", "8",
            "--depth", "3", "--batch", "2"};
        MainTest.Run r = MainTest.run(argv);
        assertEquals(2, r.code(), r.err());
        assertTrue(Files.exists(outDir.resolve("a.nii.gz")) && Files.exists(outDir.resolve("b.nii.gz")), r.err());
        assertFalse(Files.exists(outDir.resolve("c.nii.gz")));
        try (var listing = Files.list(outDir)) {
            assertEquals(2, listing.count(), "nothing partial beside the two outputs");
        }
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ") && l.contains("c.nii.gz")).count(), r.err());
        assertTrue(r.err().contains("summary: 3 input(s): 2 written, 0 skipped (output exists), 1 failed (c.nii.gz)"), r.err());
        byte[] a = Files.readAllBytes(outDir.resolve("a.nii.gz"));

        MainTest.Run again = MainTest.run(argv);
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("2 skipped (output exists)"), again.err());
        assertArrayEquals(a, Files.readAllBytes(outDir.resolve("a.nii.gz")));
        assertRefused("--save-model", "--in", in.toString(), "--out", outDir.toString(), "--save-model",
            dir.resolve("m2.zip").toString());
    }

    private static void assertRefused(String message, String... flags) {
        String[] argv = new String[flags.length + 1];
        argv[0] = "thick-slice";
        System.arraycopy(flags, 0, argv, 1, flags.length);
        MainTest.Run r = MainTest.run(argv);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("error:")).count(), r.err());
    }

    /** SIGTERM (the JVM shutdown path Ctrl-C takes) during training: training stops, the scan is refined and written. */
    @Test
    void terminatedTrainingStillWritesTheRefinedScan() throws Exception {
        Path out = dir.resolve("interrupted.nii.gz");
        String log = terminatedWhileTraining(thick, out, "out");
        assertTrue(log.contains("interrupted; training stopped at step"), log);
        assertArrayEquals(new int[] {24, 24, 30}, NiftiReader.read(out).shape());
        String json = Files.readString(dir.resolve("out.json"));
        assertTrue(json.contains("\"stopped\":\"interrupted\""), json);
    }

    /** SIGTERM while the first of three scans trains: it is refined and written, the other two are not started. */
    @Test
    void terminatedFolderBatchStopsCleanlyAfterTheScanInHand() throws Exception {
        Path in = dir.resolve("stop-in");
        Files.createDirectories(in);
        for (String n : new String[] {"a.nii.gz", "b.nii.gz", "c.nii.gz"}) {
            Files.copy(thick, in.resolve(n));
        }
        Path outDir = dir.resolve("stop-out");
        String log = terminatedWhileTraining(in, outDir, "stop");
        assertTrue(log.contains("interrupted; training stopped at step"), log);
        assertArrayEquals(new int[] {24, 24, 30}, NiftiReader.read(outDir.resolve("a.nii.gz")).shape());
        try (var listing = Files.list(outDir)) {
            assertEquals(1, listing.count(), "only the scan in hand was written");
        }
        assertFalse(log.lines().anyMatch(l -> l.startsWith("error:")), log);
        assertTrue(log.contains("summary: 3 input(s): 1 written, 0 skipped (output exists), 0 failed, 2 not started "
            + "(interrupted; rerun to do them)"), log);
    }

    /**
     * Runs {@code ./mrisr thick-slice --in in --out out} (stdout to {@code name.json}), sends SIGTERM (the JVM
     * shutdown path Ctrl-C takes) once training reports a step, and returns stderr after the exit.
     */
    private static String terminatedWhileTraining(Path in, Path out, String name) throws Exception {
        Path launcher = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("mrisr");
        Path err = dir.resolve(name + "-err.txt");
        Process p = new ProcessBuilder(launcher.toString(), "thick-slice", "--in", in.toString(), "--out", out.toString(),
                "--steps", "100000", "--channels", "8", "--depth", "3").redirectOutput(dir.resolve(name + ".json").toFile())
                .redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(err).contains("train step") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(err).contains("train step"), "training never reported a step: " + Files.readString(err));
        p.destroy();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "thick-slice did not exit after SIGTERM");
        return Files.readString(err);
    }
}
