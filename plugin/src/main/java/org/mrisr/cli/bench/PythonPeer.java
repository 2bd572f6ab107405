package org.mrisr.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * Runs a benchmark peer script from {@code bench/} with Debian's {@code /usr/bin/python3} as a
 * {@link ChildProcess}: the script prints one JSON line ({@code bench/peer_common.py}'s {@code report})
 * and the result comes back with its peak RSS measured as mrisr's workers' is.
 */
public final class PythonPeer {
    private PythonPeer() {
    }

    /** Environment variables the ./mrisr launcher sets for mrisr, removed for the peers. */
    static final List<String> MRISR_ONLY_ENV = List.of("MALLOC_MMAP_THRESHOLD_");

    /** The repository's bench/ folder: $MRISR_HOME/bench, else ./bench. */
    public static Path benchDir() {
        String home = System.getenv("MRISR_HOME");
        return home != null ? Path.of(home, "bench") : Path.of("bench");
    }

    /** Runs bench/&lt;script&gt; with args and the thread environment for {@code threads}. */
    public static JsonObject run(int threads, String script, String... args) throws IOException, InterruptedException {
        Path s = benchDir().resolve(script);
        if (!Files.isRegularFile(s)) {
            throw new IOException("peer script missing: " + s);
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", s.toString()));
        cmd.addAll(List.of(args));
        // ./mrisr's fixed glibc mmap threshold is mrisr's setting: the peer runs as Python does by default
        return ChildProcess.run("peer " + script + " " + String.join(" ", args), cmd, threads, MRISR_ONLY_ENV);
    }
}
