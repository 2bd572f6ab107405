package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ./mrisr predict --in DIR --out DIR}: a batch goes on past a bad input, reports it on one line and in the
 * exit code, leaves nothing partial, and a rerun skips what is done. With the shipped x2 model on small crops of a
 * real brain.
 */
class BatchPredictTest {
    @TempDir
    static Path dir;
    static Path in;
    static Volume a;
    static Volume b;

    @BeforeAll
    static void folderOfThreeVolumesOneCorrupt() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        a = full.crop(70, 80, 70, 24, 24, 24);
        b = full.crop(60, 100, 60, 20, 28, 16);
        in = Files.createDirectories(dir.resolve("lr"));
        NiftiWriter.write(a, in.resolve("a.nii.gz"));
        NiftiWriter.write(b, in.resolve("b.nii"));
        // a valid header whose voxels are cut off: the header estimate passes, reading fails
        Path whole = dir.resolve("c-whole.nii");
        NiftiWriter.write(a, whole);
        Files.write(in.resolve("c.nii"), Arrays.copyOf(Files.readAllBytes(whole), 1000));
        Files.writeString(in.resolve("notes.txt"), "not a volume");
    }

    private static List<String> files(final Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> lines(final String text, final String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void oneCorruptFileOfThreeGivesTwoOutputsOneErrorLineAndExitTwoThenARerunSkipsThem() throws Exception {
        Path out = dir.resolve("sr");
        MainTest.Run r = MainTest.run("predict", "--in", in.toString(), "--out", out.toString(), "--factor", "2");
        assertEquals(2, r.code(), r.err());
        List<String> errors = lines(r.err(), "error:");
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("error: " + in.resolve("c.nii") + ": truncated"), errors.get(0));
        assertEquals(List.of("a.nii.gz", "b.nii.gz"), files(out), "two outputs, nothing partial or temporary");
        assertArrayEquals(new int[] {48, 48, 48}, NiftiReader.read(out.resolve("a.nii.gz")).shape());
        assertArrayEquals(new int[] {40, 56, 32}, NiftiReader.read(out.resolve("b.nii.gz")).shape());
        assertEquals(List.of("summary: 3 input(s): 2 written, 0 skipped (output exists), 1 failed (c.nii)"),
            lines(r.err(), "summary:"));
        JsonObject o = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals(2, o.getAsJsonArray("written").size());
        assertEquals(in.resolve("c.nii").toString(),
            o.getAsJsonArray("failed").get(0).getAsJsonObject().get("in").getAsString());

        FileTime before = Files.getLastModifiedTime(out.resolve("a.nii.gz"));
        MainTest.Run again = MainTest.run("predict", "--in", in.toString(), "--out", out.toString(), "--factor", "2");
        assertEquals(2, again.code(), "the bad input is still bad");
        assertEquals(2, lines(again.err(), "skip:").size(), again.err());
        assertEquals(List.of("summary: 3 input(s): 0 written, 2 skipped (output exists), 1 failed (c.nii)"),
            lines(again.err(), "summary:"));
        assertEquals(before, Files.getLastModifiedTime(out.resolve("a.nii.gz")), "done outputs are not redone");

        Files.delete(in.resolve("c.nii"));
        try {
            MainTest.Run fixed = MainTest.run("predict", "--in", in.toString(), "--out", out.toString(), "--factor", "2");
            assertEquals(0, fixed.code(), fixed.err());
            MainTest.Run redo = MainTest.run("predict", "--in", in.toString(), "--out", out.toString(), "--factor", "2",
                "--overwrite");
            assertEquals(0, redo.code(), redo.err());
            assertEquals(List.of("summary: 2 input(s): 2 written, 0 skipped (output exists), 0 failed"),
                lines(redo.err(), "summary:"));
        } finally {
            Path whole = dir.resolve("c-whole.nii");
            Files.write(in.resolve("c.nii"), Arrays.copyOf(Files.readAllBytes(whole), 1000));
        }
    }

    @Test
    void parallelJobsGiveTheSerialFiles() throws Exception {
        Path one = dir.resolve("jobs1");
        Path two = dir.resolve("jobs2");
        assertEquals(2, MainTest.run("predict", "--in", in.toString(), "--out", one.toString(), "--factor", "2").code());
        MainTest.Run r = MainTest.run("predict", "--in", in.toString(), "--out", two.toString(), "--factor", "2",
            "--jobs", "2");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("2 at a time"), r.err());
        for (String f : List.of("a.nii.gz", "b.nii.gz")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
    }

    @Test
    void maxMemoryPicksTheWindowPerInputAndABoundTooSmallNamesEachFile() throws Exception {
        // the same parsing as the single-file form: not with --window
        MainTest.Run both = MainTest.run("predict", "--in", in.toString(), "--out", dir.resolve("mm0").toString(),
            "--factor", "2", "--window", "16", "--max-memory", "2g");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --window or --max-memory, not both"), both.err());
        // 300 MiB is below the JVM's own share (PredictMemory.BASE): every input is refused, naming it and the flag
        Path small = dir.resolve("mm1");
        MainTest.Run refused = MainTest.run("predict", "--in", in.toString(), "--out", small.toString(), "--factor", "2",
            "--max-memory", "300m");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("error: " + in.resolve("a.nii.gz") + ": --max-memory 300m: even the smallest"
            + " window"), refused.err());
        assertTrue(refused.err().contains("error: " + in.resolve("b.nii") + ": --max-memory 300m"), refused.err());
        assertEquals(List.of(), Files.exists(small) ? files(small) : List.of());
        // a bound that fits: the window it picks predicts the same files as the default window (the crops are
        // smaller than any window, so one window covers each)
        Path fits = dir.resolve("mm2");
        Path plain = dir.resolve("mm3");
        assertEquals(2, MainTest.run("predict", "--in", in.toString(), "--out", fits.toString(), "--factor", "2",
            "--max-memory", "2g").code());
        assertEquals(2, MainTest.run("predict", "--in", in.toString(), "--out", plain.toString(), "--factor", "2").code());
        for (String f : List.of("a.nii.gz", "b.nii.gz")) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(fits.resolve(f)), f);
        }
    }

    @Test
    void badBatchArgumentsAreClearErrors() throws Exception {
        MainTest.Run same = MainTest.run("predict", "--in", in.toString(), "--out", in.toString(), "--factor", "2");
        assertEquals(2, same.code());
        assertTrue(same.err().contains("--out is the input folder"), same.err());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        MainTest.Run none = MainTest.run("predict", "--in", empty.toString(), "--out", dir.resolve("x").toString(),
            "--factor", "2");
        assertEquals("error: " + empty + ": no NIfTI files (.nii, .nii.gz, .hdr) in this folder", none.err().strip());
        MainTest.Run jobs = MainTest.run("predict", "--in", in.toString(), "--out", dir.resolve("y").toString(),
            "--factor", "2", "--jobs", "0");
        assertEquals(2, jobs.code());
        assertTrue(jobs.err().startsWith("error: --jobs must be at least 1"), jobs.err());
    }

    @Test
    void aVolumeTooLargeForTheHeapIsRefusedBeforeLoadingAndTheOthersRun() throws Exception {
        Path big = Files.createDirectories(dir.resolve("big"));
        NiftiWriter.write(a, big.resolve("small.nii.gz"));
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        NiftiWriter.write(full, big.resolve("whole.nii.gz"));
        Path launcher = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("mrisr");
        Path out = dir.resolve("big-sr");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "predict", "--in", big.toString(), "--out",
            out.toString(), "--factor", "2").redirectError(dir.resolve("big-err.txt").toFile())
            .redirectOutput(dir.resolve("big-out.json").toFile());
        pb.environment().put("MRISR_JAVA_OPTS", "-Xmx400m");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "predict did not finish");
        String err = Files.readString(dir.resolve("big-err.txt"));
        assertEquals(2, p.exitValue(), err);
        List<String> errors = lines(err, "error:");
        assertEquals(1, errors.size(), err);
        // 181 x 217 x 181 LR voxels at x2 (engine.srgan.PredictMemory: 1220 MiB), over what a 400 MB heap has free
        assertTrue(errors.get(0).startsWith("error: " + big.resolve("whole.nii.gz") + ": needs about 1220 MiB of Java "
            + "heap to super-resolve"), errors.get(0));
        assertEquals(List.of("small.nii.gz"), files(out));
    }
}
