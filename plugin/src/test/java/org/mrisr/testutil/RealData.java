package org.mrisr.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Real brain MRI from Debian packages (nobody here wrote it). */
public final class RealData {
    public static final Path MRICRON = Path.of("/usr/share/mricron/templates");

    private RealData() {
    }

    /** A file under Debian's mricron-data templates, e.g. "ch2bet.nii.gz"; fails in CI, skips locally if absent. */
    public static Path mricron(String name) {
        return need(MRICRON.resolve(name), "mricron-data");
    }

    /** nibabel's shipped test data folder (python3-nibabel). */
    public static Path nibabelData() {
        String out = Python.run("import nibabel.tests, os; print(os.path.join(os.path.dirname(nibabel.tests.__file__), 'data'))").strip();
        return need(Path.of(out), "python3-nibabel");
    }

    private static Path need(Path p, String pkg) {
        if (!Files.exists(p)) {
            String msg = p + " missing: apt-get install " + pkg;
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }
}
