package org.mrisr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporaries: one name pattern, gone after a failure, after SIGTERM (shutdown hook), and after a
 * SIGKILL once a later run checks the same output; never anyone else's file.
 */
class TemporaryFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void committedReplacesTheTargetAndAFailureLeavesNothing() throws Exception {
        Path target = dir.resolve("out.nii");
        TemporaryFile.write(target, t -> {
            assertTrue(TemporaryFile.isTemporaryOf(t.path(), target), t.path().toString());
            assertTrue(t.path().getFileName().toString().matches("\\.out\\.nii\\.mrisr-tmp-[0-9a-f]{16}"));
            t.stream().write(new byte[] {1, 2, 3});
        });
        assertEquals(List.of("out.nii"), names());
        assertThrows(IOException.class, () -> TemporaryFile.write(target, t -> {
            t.stream().write(new byte[] {9});
            throw new IOException("disk full");
        }));
        assertEquals(List.of("out.nii"), names(), "the failed write's temporary is gone");
        assertEquals(3, Files.size(target), "the earlier file is untouched");
    }

    @Test
    void staleTemporariesOfThatOutputOnlyAreRemoved() throws Exception {
        Path target = dir.resolve("sr.nii.gz");
        Path stale = Files.writeString(dir.resolve(".sr.nii.gz" + TemporaryFile.MARK + "0123456789abcdef"), "x");
        List<Path> kept = List.of(Files.writeString(dir.resolve(".sr.nii.gz" + TemporaryFile.MARK + "notmine"), "x"),
                Files.writeString(dir.resolve(".sr.nii" + TemporaryFile.MARK + "0123456789abcdef"), "x"),
                Files.writeString(dir.resolve(".lr.nii.gz" + TemporaryFile.MARK + "0123456789abcdef"), "x"),
                Files.writeString(dir.resolve("sr.nii.gz" + TemporaryFile.MARK + "0123456789abcdef"), "x"));
        try (TemporaryFile open = TemporaryFile.create(target)) {
            assertEquals(List.of(stale), TemporaryFile.removeStale(target));
            assertTrue(Files.exists(open.path()), "an open temporary of this JVM is not stale");
        }
        for (Path k : kept) {
            assertTrue(Files.exists(k), k.toString());
        }
    }

    @Test
    void sigtermRemovesOpenTemporariesAndSigkillLeavesThemForTheNextRun() throws Exception {
        Path target = dir.resolve("model.zip");
        Process term = holder(target);
        assertEquals(1, temporaries(target).size());
        term.destroy(); // SIGTERM
        assertTrue(term.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), temporaries(target), "the shutdown hook removed it");

        Process kill = holder(target);
        // another process's temporary that is still being written is locked: not stale
        assertEquals(List.of(), TemporaryFile.removeStale(target));
        kill.destroyForcibly(); // SIGKILL: no hook runs
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS));
        List<Path> left = temporaries(target);
        assertEquals(1, left.size());
        OutputFile.check(target, OutputFile.Kind.MODEL, false, List.of());
        assertEquals(List.of(), temporaries(target), "the next run's output check removed it");
        assertFalse(Files.exists(target));
    }

    private List<Path> temporaries(Path target) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> TemporaryFile.isTemporaryOf(p, target)).toList();
        }
    }

    /** A JVM holding an open temporary of {@code target}, once it said so. */
    private static Process holder(Path target) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), target.toString()).redirectErrorStream(true)
                        .start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("open", r.readLine());
        return p;
    }

    /** Opens a temporary, says "open", and waits to be ended. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            TemporaryFile t = TemporaryFile.create(Path.of(args[0]));
            t.stream().write(new byte[1000]);
            System.out.println("open");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
