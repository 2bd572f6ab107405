package org.mrisr.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared set of real brains ({@code ../shared/data/brains/} next to the checkout, with
 * its README; never copied into the project). Found through {@code MRISR_SHARED_DATA} (the folder
 * holding {@code brains/}) or by looking for {@code shared/data/brains} beside the checkout or up to
 * two folders above it (worktrees live deeper than the main checkout). Absent: the test is skipped
 * with a message, and fails under {@code CI=true}.
 */
public final class SharedBrains {
    private SharedBrains() {
    }

    /** A file of the shared set, e.g. "cstar_stroke_T1.nii.gz". */
    public static Path file(String name) {
        Path dir = folder();
        Path f = dir == null ? null : dir.resolve(name);
        if (f == null || !Files.isRegularFile(f)) {
            String msg = "shared real-brain data " + (f == null ? "../shared/data/brains/" + name : f)
                    + " not found: set MRISR_SHARED_DATA to the folder holding brains/ (see ../shared/data/brains/README.md)";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return f;
    }

    private static Path folder() {
        String env = System.getenv("MRISR_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env).resolve("brains");
        }
        Path p = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent();
        for (int up = 0; up < 3 && p != null; up++, p = p.getParent()) {
            Path c = p.resolveSibling("shared").resolve("data").resolve("brains");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }
}
