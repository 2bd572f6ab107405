package org.mrisr.engine.srgan.io;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mrisr.engine.InvalidInputException;

/**
 * Reads one model or checkpoint file the way the CLI and nodes do, for {@link HostileModelFileTest}
 * to run in a JVM with a small heap: exit 0 when it loads, 2 with {@code error: <file>: <problem>}
 * (the CLI's line) when refused, 1 for anything else (an OutOfMemoryError included). Prints how
 * long the read took and the process's peak resident memory.
 *
 * <p>Usage: {@code ReadProbe model|model-stream|checkpoint FILE}
 */
public final class ReadProbe {
    private ReadProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long t0 = System.nanoTime();
        int code;
        try {
            switch (args[0]) {
                case "model" -> ModelFile.read(file);
                case "model-stream" -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                        ModelFile.read(in, file.toString());
                    }
                }
                case "checkpoint" -> CheckpointFile.read(file);
                default -> throw new IllegalArgumentException(args[0]);
            }
            code = 0;
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.source() + ": " + e.problem());
            code = 2;
        } catch (Throwable e) {
            System.err.println("error: internal: " + e);
            code = 1;
        }
        System.out.println("millis " + (System.nanoTime() - t0) / 1_000_000);
        System.out.println("peak-rss-kib " + peakRssKib());
        System.out.flush();
        System.exit(code);
    }

    /** VmHWM from /proc/self/status (Linux), or -1. */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux: no measure
        }
        return -1;
    }
}
