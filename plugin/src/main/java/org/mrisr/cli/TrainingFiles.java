package org.mrisr.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.io.CheckpointFile;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;

/**
 * The model and checkpoint of {@code train} on a disk that may fill: enough free space is checked
 * before step 1 (estimated from the architecture's parameter count), and a write that fails later
 * becomes one error that names the file, says which file holds the last good checkpoint and how to
 * resume. Such a failure exits 2: the disk refused the write, nothing is wrong inside mrisr. Files
 * are replaced through temporaries, so a failed write never damages the earlier checkpoint.
 */
final class TrainingFiles {
    /** Header, zip entries and slack per file. */
    private static final long OVERHEAD = 1L << 20;

    private TrainingFiles() {
    }

    /** Bytes of a model file of this generator: float32 weights plus overhead. */
    static long modelBytes(GeneratorConfig g) {
        return 4 * g.parameterCount() + OVERHEAD;
    }

    /** Bytes of a checkpoint: both networks' weights with their two Adam moments, plus overhead. */
    static long checkpointBytes(GeneratorConfig g, int[] patch) {
        long d = DiscriminatorConfig.paper(patch[0], patch[1], patch[2]).parameterCount();
        return 3 * 4 * (g.parameterCount() + d) + OVERHEAD;
    }

    /**
     * Fails (exit 2) unless the folders of {@code model} and {@code checkpoint} have room for one model
     * and one checkpoint (together when they share a file system).
     */
    static void requireSpace(Path model, Path checkpoint, GeneratorConfig g, int[] patch) throws IOException {
        long m = modelBytes(g);
        long c = checkpointBytes(g, patch);
        FileStore ms = Files.getFileStore(folder(model));
        FileStore cs = Files.getFileStore(folder(checkpoint));
        if (ms.equals(cs)) {
            require(checkpoint, ms, m + c, "the model and a checkpoint");
        } else {
            require(model, ms, m, "the model");
            require(checkpoint, cs, c, "a checkpoint");
        }
    }

    private static void require(Path file, FileStore store, long need, String what) throws IOException {
        long free = store.getUsableSpace();
        if (free < need) {
            throw new InvalidInputException(file.toString(), "its folder has " + mib(free) + " free, but " + what
                    + " of this architecture need about " + mib(need) + ": free space or choose another folder");
        }
    }

    /** The checkpoint write after step {@code step} failed. */
    static InvalidInputException checkpointFailed(Path checkpoint, long step, IOException e) {
        return new InvalidInputException(checkpoint.toString(), "cannot write the checkpoint of step " + step + " ("
                + reason(e) + "); " + lastGood(checkpoint) + "; the model was not written");
    }

    /** The model write failed after the training (whose final checkpoint was written). */
    static InvalidInputException modelFailed(Path model, Path checkpoint, IOException e) {
        return new InvalidInputException(model.toString(), "cannot write the model (" + reason(e) + "); "
                + lastGood(checkpoint));
    }

    /** Where the last good checkpoint is and how to continue from it. */
    private static String lastGood(Path checkpoint) {
        if (!Files.isRegularFile(checkpoint)) {
            return "no checkpoint was written yet, so there is nothing to resume: free space and start again";
        }
        String step;
        try {
            step = "step " + CheckpointFile.read(checkpoint).header().get("completedSteps").getAsLong();
        } catch (RuntimeException ex) {
            step = "an earlier step";
        }
        return "the last good checkpoint is " + checkpoint + " (" + step + "): free space, then run the same command with"
                + " --resume " + checkpoint + " --overwrite";
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName();
        return m == null ? s : m.contains("No space") ? "no space left on the device" : s + ": " + m;
    }

    private static Path folder(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
