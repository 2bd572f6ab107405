package org.mrisr.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs a benchmark peer script from {@code bench/} with Debian's {@code /usr/bin/python3}; the
 * script prints one JSON object on its last stdout line.
 */
public final class PythonPeer {
    private PythonPeer() {
    }

    /** The repository's bench/ folder: $MRISR_HOME/bench, else ./bench. */
    public static Path benchDir() {
        String home = System.getenv("MRISR_HOME");
        return home != null ? Path.of(home, "bench") : Path.of("bench");
    }

    /** Runs bench/&lt;script&gt; with args; returns its last-line JSON, or throws with its stderr. */
    public static JsonObject run(String script, String... args) throws IOException, InterruptedException {
        Path s = benchDir().resolve(script);
        if (!Files.isRegularFile(s)) {
            throw new IOException("peer script missing: " + s);
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", s.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Path err = Files.createTempFile("mrisr-peer", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = p.waitFor();
            if (code != 0 || out.isEmpty()) {
                throw new IOException("peer " + script + " failed (exit " + code + "): " + Files.readString(err).strip());
            }
            String last = out.substring(out.lastIndexOf('\n') + 1);
            return new JsonParser().parse(last).getAsJsonObject();
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
