package org.mrisr.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs reference computations in Debian's {@code /usr/bin/python3} (nibabel, scipy, skimage) live
 * from a test. A plain {@code python3} on PATH may be another interpreter without these modules.
 *
 * <p>When a module is missing: under {@code CI=true} the test fails (CI must install it); elsewhere
 * it is skipped with a message saying what to install.
 */
public final class Python {
    public static final String INTERPRETER = "/usr/bin/python3";

    private Python() {
    }

    /** Fails (CI) or skips (locally) unless every module imports. */
    public static void require(String... modules) {
        String probe = "import " + String.join(", ", modules);
        String missing = null;
        if (!Files.isExecutable(Path.of(INTERPRETER))) {
            missing = INTERPRETER + " not found";
        } else {
            try {
                Process p = new ProcessBuilder(INTERPRETER, "-c", probe).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    missing = out.strip();
                }
            } catch (IOException | InterruptedException e) {
                missing = e.toString();
            }
        }
        if (missing != null) {
            String msg = "Python reference unavailable (" + probe + "): " + missing
                    + ". Install with: apt-get install python3-nibabel python3-scipy python3-skimage";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
    }

    /** Runs a script with arguments; returns stdout; fails the test on a non-zero exit. */
    public static String run(String script, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(INTERPRETER);
        cmd.add("-c");
        cmd.add(script);
        cmd.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("mrisr-py", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(600, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("python reference timed out");
                }
                if (p.exitValue() != 0) {
                    fail("python reference failed (exit " + p.exitValue() + "):\n" + Files.readString(err));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + INTERPRETER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
