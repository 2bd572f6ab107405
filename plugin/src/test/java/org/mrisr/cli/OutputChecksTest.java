package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes checks its output paths before any long computation. Inputs (and
 * models) given here do not exist, so an error naming the output proves nothing was read, loaded or
 * computed first: reading would have failed on the input's name.
 */
class OutputChecksTest {
    /** Runs and asserts one "error: OUTPUT: ..." line, exit 2, nothing on stdout; returns the problem. */
    private static String refused(String output, String... argv) {
        MainTest.Run r = MainTest.run(argv);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + output + ": "), r.err());
        return r.err().strip().substring(("error: " + output + ": ").length());
    }

    @Test
    void predictRefusesBakBeforeLoadingModelOrInput(@TempDir Path dir) {
        Path missingModel = dir.resolve("missing-model.zip");
        Path missingInput = dir.resolve("missing-lr.nii.gz");
        Path bak = dir.resolve("sr.nii.bak");
        assertEquals("output must end in .nii or .nii.gz", refused(bak.toString(), "predict", "--model",
                missingModel.toString(), "--in", missingInput.toString(), "--out", bak.toString()));
        // the shipped model is not loaded either
        refused(bak.toString(), "predict", "--factor", "2", "--in", missingInput.toString(), "--out", bak.toString());
        // the path as typed, relative, is what the message names
        refused("sr.nii.bak", "predict", "--factor", "2", "--in", missingInput.toString(), "--out", "sr.nii.bak");
        assertFalse(Files.exists(bak));
        assertFalse(Files.exists(Path.of("sr.nii.bak")));
    }

    @Test
    void volumeCommandsRefuseBadNamesMissingFoldersAndFolders(@TempDir Path dir) throws Exception {
        String in = dir.resolve("missing.nii.gz").toString();
        Path folder = Files.createDirectory(dir.resolve("taken.nii"));
        for (String cmd : new String[] {"degrade", "interpolate", "predict"}) {
            String bak = dir.resolve("out.nii.bak").toString();
            assertEquals("output must end in .nii or .nii.gz", refused(bak, cmd, "--in", in, "--out", bak, "--factor", "2"));
            String lost = dir.resolve("no/such/folder/out.nii.gz").toString();
            assertTrue(refused(lost, cmd, "--in", in, "--out", lost, "--factor", "2").contains("does not exist"));
            assertEquals("is a folder; give a file name", refused(folder.toString(), cmd, "--in", in, "--out", folder.toString(),
                    "--factor", "2"));
        }
    }

    @Test
    void trainChecksModelAndCheckpointPaths(@TempDir Path dir) throws Exception {
        String hr = dir.resolve("missing-hr.nii.gz").toString();
        String[] base = {"train", "--hr", hr, "--factor", "2", "--upsampling", "subpixel", "--steps", "1"};
        String bin = dir.resolve("m.bin").toString();
        assertEquals("output must end in .mrisr or .zip", refused(bin, concat(base, "--out", bin)));
        String model = dir.resolve("m.mrisr").toString();
        String ckpt = dir.resolve("m.txt").toString();
        assertEquals("output must end in .ckpt", refused(ckpt, concat(base, "--out", model, "--checkpoint", ckpt)));
        String lostCkpt = dir.resolve("gone/m.ckpt").toString();
        assertTrue(refused(lostCkpt, concat(base, "--out", model, "--checkpoint", lostCkpt)).contains("does not exist"));
        Path folder = Files.createDirectory(dir.resolve("x.zip"));
        refused(folder.toString(), concat(base, "--out", folder.toString()));
        // the default checkpoint (MODEL.ckpt) passes, so the missing input is what fails then
        MainTest.Run r = MainTest.run(concat(base, "--out", model));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + hr), r.err());
    }

    @Test
    void demoChecksItsOutputFolder(@TempDir Path dir) throws Exception {
        String hr = dir.resolve("missing-hr.nii.gz").toString();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(refused(file.toString(), "demo", "--hr", hr, "--steps", "1", "--out", file.toString())
                .contains("is a file, not a folder"));
        Path under = file.resolve("sub");
        refused(under.toString(), "demo", "--hr", hr, "--steps", "1", "--out", under.toString());
        Path out = Files.createDirectory(dir.resolve("demo"));
        Path blocked = Files.createDirectory(out.resolve("model.zip"));
        assertTrue(refused(blocked.toString(), "demo", "--hr", hr, "--steps", "1", "--out", out.toString())
                .contains("is a folder"));
        // a folder that does not exist yet is fine: the missing input is what fails
        MainTest.Run r = MainTest.run("demo", "--hr", hr, "--steps", "1", "--out", dir.resolve("new/deeper").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + hr), r.err());
    }

    @Test
    void readOnlyFolderIsRefused(@TempDir Path dir) throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(ro), "running as root: every folder is writable");
            String out = ro.resolve("lr.nii.gz").toString();
            assertTrue(refused(out, "degrade", "--in", dir.resolve("missing.nii").toString(), "--out", out, "--factor", "2")
                    .contains("is not writable"));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
