package org.mrisr.cli.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * Runs a bench worker's {@code main} in a fresh JVM ({@link ChildProcess}) with this JVM's class path and
 * the launcher's memory options, so its time and peak RSS are its own.
 */
final class WorkerJvm {
    private WorkerJvm() {
    }

    static JsonObject run(int threads, Class<?> worker, String... args) throws IOException, InterruptedException {
        String javaBin = System.getProperty("java.home") + "/bin/java";
        // -Xmn64m and ParallelGC as ./mrisr runs (README "Safety"), so peak RSS is what a user sees
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmn64m", "-Xmx4g", "-XX:+UseParallelGC",
                "-Dmrisr.compute.threads=" + threads, "-cp", System.getProperty("java.class.path"), worker.getName()));
        cmd.addAll(List.of(args));
        return ChildProcess.run(worker.getSimpleName() + " " + String.join(" ", args), cmd, threads);
    }

    /**
     * The worker's side of {@link ChildProcess}: prints the result line, then waits until the parent
     * has read this JVM's peak RSS and closed stdin.
     */
    static void report(String json) throws IOException {
        System.out.println(json);
        System.out.flush();
        while (System.in.read() != -1) {
            // the parent sends nothing; end of input is the signal to exit
        }
    }
}
