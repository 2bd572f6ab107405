package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.testutil.RealData;

/**
 * `./mrisr train` stopped by a signal (SIGTERM here; Ctrl-C sends SIGINT, which runs the same JVM
 * shutdown path) finishes the current step and saves the model and a checkpoint before exiting.
 */
class TrainInterruptTest {
    @Test
    void terminatedTrainingSavesModelAndCheckpoint(@TempDir Path dir) throws Exception {
        Path launcher = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("mrisr");
        Path model = dir.resolve("m.zip");
        Process p = new ProcessBuilder(launcher.toString(), "train", "--hr", RealData.mricron("ch2bet.nii.gz").toString(),
                "--region", "50,50,50,64,64,64", "--factor", "2", "--upsampling", "subpixel", "--out", model.toString(),
                "--steps", "10000", "--patch", "32,32,32").redirectOutput(dir.resolve("out.json").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(dir.resolve("err.txt")).contains("step ") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(dir.resolve("err.txt")).contains("step "), "training never reported a step");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "train did not exit after SIGTERM");
        String err = Files.readString(dir.resolve("err.txt"));
        assertTrue(err.contains("train: interrupted"), err);
        assertTrue(Files.size(model) > 0, "model saved");
        assertTrue(Files.size(Path.of(model + ".ckpt")) > 0, "checkpoint saved");
        String out = Files.readString(dir.resolve("out.json"));
        assertTrue(out.contains("\"stopped\":\"interrupted\""), out);
    }
}
