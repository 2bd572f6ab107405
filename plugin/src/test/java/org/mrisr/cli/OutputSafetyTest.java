package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.TemporaryFile;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

/**
 * Outputs never destroy data: an output that is an input (by any path) or that exists without
 * {@code --overwrite} is refused with exit 2 before any compute, naming the path as typed, and every
 * file in the folder keeps its bytes; stale temporaries of that output are cleaned up.
 */
class OutputSafetyTest {
    @TempDir
    static Path dir;
    static Path hr;
    static Path lr;

    @BeforeAll
    static void volumes() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        hr = dir.resolve("hr.nii.gz");
        NiftiWriter.write(full.crop(60, 70, 60, 48, 64, 48), hr);
        lr = dir.resolve("lr.nii.gz");
        assertEquals(0, MainTest.run("degrade", "--in", hr.toString(), "--out", lr.toString(), "--factor", "2").code());
    }

    /** Every regular file under the folder with its bytes. */
    private static Map<Path, byte[]> snapshot() throws Exception {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                m.put(p, Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** Exit 2, one error line for {@code output} containing {@code problem}, and no file changed, added or removed. */
    private static void refused(String output, String problem, String... argv) throws Exception {
        Map<Path, byte[]> before = snapshot();
        MainTest.Run r = MainTest.run(argv);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().strip().startsWith("error: " + output + ": ") && r.err().contains(problem), r.err());
        Map<Path, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        for (Path p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p + " changed");
        }
    }

    @Test
    void anOutputThatIsAnInputIsRefusedByAnyPath() throws Exception {
        String in = lr.toString();
        refused(in, "is also an input", "predict", "--factor", "2", "--in", in, "--out", in);
        refused(in, "is also an input", "predict", "--factor", "2", "--in", in, "--out", in, "--overwrite");
        refused(in, "is also an input", "interpolate", "--in", in, "--out", in, "--factor", "2", "--overwrite");
        String dotted = dir.resolve(".").resolve("lr.nii.gz").toString();
        refused(dotted, "is also an input", "degrade", "--in", in, "--out", dotted, "--factor", "2", "--overwrite");
        Path link = dir.resolve("link.nii.gz");
        Files.createSymbolicLink(link, lr);
        refused(link.toString(), "is also an input", "degrade", "--in", in, "--out", link.toString(), "--factor", "2",
                "--overwrite");
        Path hard = dir.resolve("hard.nii.gz");
        Files.createLink(hard, hr);
        refused(hard.toString(), "is also an input", "degrade", "--in", hr.toString(), "--out", hard.toString(),
                "--factor", "2", "--overwrite");
        Files.delete(link);
        Files.delete(hard);
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithOverwrite() throws Exception {
        Path out = dir.resolve("up.nii.gz");
        assertEquals(0, MainTest.run("interpolate", "--in", lr.toString(), "--out", out.toString(), "--factor", "2").code());
        for (String cmd : new String[] {"degrade", "interpolate", "predict"}) {
            refused(out.toString(), "exists; nothing was changed (give --overwrite to replace it)", cmd, "--in",
                    lr.toString(), "--out", out.toString(), "--factor", "2");
        }
        byte[] first = Files.readAllBytes(out);
        MainTest.Run r = MainTest.run("degrade", "--in", lr.toString(), "--out", out.toString(), "--factor", "2",
                "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertFalse(Arrays.equals(first, Files.readAllBytes(out)), "replaced");
        Files.delete(out);
    }

    @Test
    void modelsCheckpointsAndTheDemoFolderAreProtectedToo() throws Exception {
        Path model = dir.resolve("m.zip");
        String[] train = {"train", "--hr", hr.toString(), "--factor", "2", "--upsampling", "subpixel", "--patch",
            "32,32,32", "--batch", "1", "--checkpoint-every", "1", "--steps"};
        MainTest.Run first = MainTest.run(MainTest.concat(train, "1", "--out", model.toString()));
        assertEquals(0, first.code(), first.err());
        Path ckpt = Path.of(model + ".ckpt");
        assertTrue(Files.isRegularFile(ckpt));
        refused(model.toString(), "exists", MainTest.concat(train, "1", "--out", model.toString()));
        Path other = dir.resolve("other.zip");
        refused(ckpt.toString(), "exists", MainTest.concat(train, "1", "--out", other.toString(), "--checkpoint", ckpt.toString()));
        refused(model.toString(), "is also an input", MainTest.concat(train, "1", "--out", model.toString(), "--from", model.toString(),
                "--overwrite"));
        // continuing its own checkpoint is the point of --resume (the model it replaces needs --overwrite)
        MainTest.Run resumed = MainTest.run(MainTest.concat(train, "2", "--out", model.toString(), "--resume", ckpt.toString(),
                "--overwrite"));
        assertEquals(0, resumed.code(), resumed.err());

        Path demo = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(demo.resolve("scores.json"), "{}");
        refused(demo.resolve("scores.json").toString(), "exists", "demo", "--hr", hr.toString(), "--steps", "1", "--out",
                demo.toString());
        Path input = demo.resolve("hr.nii.gz");
        Files.copy(hr, input);
        refused(input.toString(), "is also an input", "demo", "--hr", input.toString(), "--steps", "1", "--out",
                demo.toString(), "--overwrite");
    }

    @Test
    void aLaterRunRemovesTheTemporariesAKilledRunLeft() throws Exception {
        Path out = dir.resolve("clean.nii.gz");
        Path stale = Files.writeString(dir.resolve(".clean.nii.gz" + TemporaryFile.MARK + "00000000deadbeef"), "half");
        Path foreign = Files.writeString(dir.resolve(".other.nii.gz" + TemporaryFile.MARK + "00000000deadbeef"), "x");
        MainTest.Run r = MainTest.run("interpolate", "--in", lr.toString(), "--out", out.toString(), "--factor", "2");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(foreign), "only temporaries of that output are touched");
        Files.delete(foreign);
        Files.delete(out);
    }
}
