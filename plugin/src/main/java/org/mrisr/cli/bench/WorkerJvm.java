package org.mrisr.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs a bench worker's {@code main} in a fresh JVM with this JVM's class path, {@value #THREADS}
 * OpenMP threads and passive waiting, so its time and peak RSS are its own; returns the JSON object
 * on its last stdout line.
 */
final class WorkerJvm {
    static final int THREADS = 2;

    private WorkerJvm() {
    }

    static JsonObject run(Class<?> worker, String... args) throws IOException, InterruptedException {
        String javaBin = System.getProperty("java.home") + "/bin/java";
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                worker.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(THREADS));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        if (code != 0 || out.isEmpty()) {
            throw new IOException(worker.getSimpleName() + " " + String.join(" ", args) + " failed (exit " + code + ")");
        }
        return new JsonParser().parse(out.substring(out.lastIndexOf('\n') + 1)).getAsJsonObject();
    }
}
