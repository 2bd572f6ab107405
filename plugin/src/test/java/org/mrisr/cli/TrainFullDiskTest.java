package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.TemporaryFile;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.srgan.io.CheckpointFile;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.testutil.RealData;

/**
 * Training on a disk that fills, on a real small file system (a tmpfs mounted for the test; skipped
 * where mounting is not allowed): the space check before step 1, a checkpoint that cannot be written
 * (the last good one survives, is named, and resuming from it works) and a model that cannot be
 * written (the final checkpoint holds the training).
 */
class TrainFullDiskTest {
    static final int[] PATCH = {32, 32, 32};
    static final GeneratorConfig G = GeneratorConfig.paper(2, UpsamplingMethod.SUBPIXEL).withInputSkip(false);

    @TempDir
    Path dir;
    Path disk;

    /** Mounts a tmpfs of {@code bytes} at {@code dir/disk}; skips the test where that is not possible. */
    private Path smallDisk(long bytes) throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!mounted) {
            disk = null;
        }
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
        return dir.resolve("disk");
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path hr() throws IOException {
        Path hr = dir.resolve("hr.nii.gz");
        NiftiWriter.write(NiftiReader.read(RealData.mricron("ch2bet.nii.gz")).crop(60, 70, 60, 48, 64, 48), hr);
        return hr;
    }

    private static String[] train(Path hr, Path model, Path checkpoint, String steps) {
        return new String[] {"train", "--hr", hr.toString(), "--factor", "2", "--upsampling", "subpixel", "--patch",
            "32,32,32", "--batch", "1", "--steps", steps, "--checkpoint-every", "1", "--out", model.toString(),
            "--checkpoint", checkpoint.toString()};
    }

    private static List<Path> temporaries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().contains(TemporaryFile.MARK)).toList();
        }
    }

    @Test
    void tooLittleSpaceIsRefusedBeforeStepOne() throws Exception {
        Path small = smallDisk(TrainingFiles.modelBytes(G) / 2);
        Path model = small.resolve("m.zip");
        MainTest.Run r = MainTest.run(train(hr(), model, small.resolve("m.ckpt"), "1"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("error: " + small.resolve("m.ckpt") + ": its folder has"), r.err());
        assertTrue(r.err().contains("need about"), r.err());
        assertFalse(r.err().contains("step 1/"), "refused before training: " + r.err());
    }

    @Test
    void aFailedCheckpointKeepsTheLastGoodOneAndResumingFromItWorks() throws Exception {
        Path small = smallDisk(TrainingFiles.modelBytes(G) + 2 * TrainingFiles.checkpointBytes(G, PATCH));
        Path model = small.resolve("m.zip");
        Path ckpt = small.resolve("m.ckpt");
        Path hr = hr();
        // the disk fills once the checkpoint of step 1 is written: the next one cannot be
        MainTest.Run r = fillAfter(ckpt, small, train(hr, model, ckpt, "4"));
        assertEquals(2, r.code(), r.err());
        String error = r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertTrue(error.startsWith("error: " + ckpt + ": cannot write the checkpoint of step 2 (no space left"), error);
        assertTrue(error.contains("the last good checkpoint is " + ckpt + " (step 1)"), error);
        assertTrue(error.contains("--resume " + ckpt + " --overwrite"), error);
        assertEquals(1, CheckpointFile.read(ckpt).header().get("completedSteps").getAsLong(), "the good one is intact");
        assertFalse(Files.exists(model));
        assertEquals(List.of(), temporaries(small), "the failed write's temporary is gone");
        Files.delete(small.resolve("filler"));

        // after moving the checkpoint to a roomier disk, the advice works
        Path roomy = dir.resolve("m.ckpt");
        Files.copy(ckpt, roomy);
        byte[] before = Files.readAllBytes(roomy);
        Path out = dir.resolve("m.zip");
        MainTest.Run resumed = MainTest.run(MainTest.concat(train(hr, out, roomy, "2"), "--resume", roomy.toString(), "--overwrite"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.isRegularFile(out));
        assertEquals(2, CheckpointFile.read(roomy).header().get("completedSteps").getAsLong());
        assertFalse(Arrays.equals(before, Files.readAllBytes(roomy)));
    }

    @Test
    void aFailedModelWriteSaysTheFinalCheckpointHoldsTheTraining() throws Exception {
        Path small = smallDisk(TrainingFiles.modelBytes(G) + (1 << 20));
        Path model = small.resolve("m.zip");
        Path ckpt = dir.resolve("m.ckpt");
        // the model's disk fills once training has begun (after the space check): the model write then fails
        MainTest.Run r = fillAfter(ckpt, small, train(hr(), model, ckpt, "3"));
        assertEquals(2, r.code(), r.err());
        String error = r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertTrue(error.startsWith("error: " + model + ": cannot write the model"), error);
        assertTrue(error.contains("the last good checkpoint is " + ckpt + " (step 3)"), error);
        assertFalse(Files.exists(model));
        try (Stream<Path> s = Files.list(small)) {
            assertEquals(List.of(small.resolve("filler")), s.toList(), "nothing but the filler");
        }
    }

    /** Runs {@code argv}; once {@code appears} exists, fills {@code disk} to the last byte. */
    private static MainTest.Run fillAfter(Path appears, Path disk, String[] argv) throws Exception {
        CompletableFuture<MainTest.Run> run = CompletableFuture.supplyAsync(() -> MainTest.run(argv));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(appears) && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(appears), "no checkpoint after step 1");
        try {
            Files.write(disk.resolve("filler"), new byte[(int) Files.getFileStore(disk).getUsableSpace()]);
        } catch (IOException full) {
            // full now, as intended
        }
        return run.get(300, TimeUnit.SECONDS);
    }
}
