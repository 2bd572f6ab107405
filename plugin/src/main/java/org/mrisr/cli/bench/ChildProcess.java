package org.mrisr.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One measurement in a child process, a worker JVM or a Python peer, so its time and memory are its own.
 *
 * <p>Threads are pinned the same way for both sides: {@code OMP_NUM_THREADS}, {@code MKL_NUM_THREADS} and
 * {@code OPENBLAS_NUM_THREADS} set to the bench's thread count and {@code OMP_WAIT_POLICY=PASSIVE}; the
 * worker JVM also gets {@code -Dmrisr.compute.threads}, the peer passes the count to
 * {@code torch.set_num_threads}.
 *
 * <p>Peak RSS is measured from outside and identically for both: the child prints its result as one JSON
 * line on stdout when done and then waits for its stdin to close; meanwhile this parent reads
 * {@code VmHWM} (the kernel's high-water mark of the child's resident set) from
 * {@code /proc/<pid>/status} and adds it to the result as {@code peakRssMb} (MiB).
 */
final class ChildProcess {
    private ChildProcess() {
    }

    /** The environment both sides get: pinned threads; Python unbuffered and leaving no __pycache__ in bench/. */
    static Map<String, String> env(int threads) {
        String n = String.valueOf(threads);
        return Map.of("OMP_NUM_THREADS", n, "MKL_NUM_THREADS", n, "OPENBLAS_NUM_THREADS", n, "OMP_WAIT_POLICY",
                "PASSIVE", "PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1");
    }

    /**
     * Runs {@code command}; returns its JSON result with {@code peakRssMb} added, or throws naming {@code what}
     * with the tail of its stderr.
     */
    static JsonObject run(String what, List<String> command, int threads) throws IOException, InterruptedException {
        return run(what, command, threads, List.of());
    }

    /** As {@link #run(String, List, int)} without the variables {@code unset} of this process's environment. */
    static JsonObject run(String what, List<String> command, int threads, List<String> unset)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeAll(unset);
        pb.environment().putAll(env(threads));
        Path err = Files.createTempFile("mrisr-bench", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                JsonObject result = null;
                // stop at the result line: the child then waits, so reading on would block
                while (result == null) {
                    String line = out.readLine();
                    if (line == null) {
                        break;
                    }
                    if (line.startsWith("{")) {
                        result = new JsonParser().parse(line).getAsJsonObject();
                    }
                }
                if (result == null) {
                    throw new IOException(what + " failed (exit " + p.waitFor() + "): " + tail(err));
                }
                // the child is alive and done: its high-water mark is final
                result.addProperty("peakRssMb", vmHwmMb(Files.readAllLines(Path.of("/proc", p.pid() + "", "status"))));
                p.getOutputStream().close();
                out.transferTo(Writer.nullWriter());
                int code = p.waitFor();
                if (code != 0) {
                    throw new IOException(what + " exited " + code + " after its result: " + tail(err));
                }
                return result;
            } finally {
                p.destroy();
            }
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** VmHWM of a /proc/PID/status in MiB; throws when absent (the process had already exited). */
    static double vmHwmMb(List<String> status) throws IOException {
        for (String line : status) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmHWM in /proc status (the child exited before its peak RSS was read)");
    }

    private static String tail(Path err) throws IOException {
        String s = Files.readString(err).strip();
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }
}
