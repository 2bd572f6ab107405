package org.mrisr.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The architecture rule: only classes under a {@code nodes} package may use KNIME; the engine and
 * the CLI must run without it (scripts, benchmarks, tests).
 */
class EngineIsKnimeFreeTest {
    private static final Pattern KNIME_REF = Pattern.compile("\\borg\\.knime\\.");

    static Path sources() {
        return Path.of(System.getProperty("mrisr.basedir", "plugin"), "src/main/java/org/mrisr");
    }

    @Test
    void engineAndCliNeverReferenceKnime() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources())) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !sources().relativize(p).toString().startsWith("nodes"))
                    .filter(EngineIsKnimeFreeTest::mentionsKnime)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders, "engine/CLI classes that reference org.knime");
    }

    @Test
    void engineAndCliExist() throws IOException {
        // Guards the test above against scanning an empty or wrong folder.
        assertTrue(Files.isRegularFile(sources().resolve("cli/Main.java")));
        assertTrue(Files.isDirectory(sources().resolve("engine")));
    }

    @Test
    void detectorSeesKnimeImports() {
        assertTrue(KNIME_REF.matcher("import org.knime.core.node.NodeModel;").find());
    }

    private static boolean mentionsKnime(Path p) {
        try {
            return Files.readAllLines(p).stream()
                    .map(String::trim)
                    .filter(l -> !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("/*"))
                    .anyMatch(l -> KNIME_REF.matcher(l).find());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
