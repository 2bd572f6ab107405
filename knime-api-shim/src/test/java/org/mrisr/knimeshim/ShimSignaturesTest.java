package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The compiled shim exposes exactly the members listed in SIGNATURES.txt, no more and no fewer, so
 * every member a node can compile against was checked against KNIME's sources (the list records where).
 */
class ShimSignaturesTest {
    private static final Path LIST = Path.of(System.getProperty("shim.basedir", "knime-api-shim"), "SIGNATURES.txt");

    static List<String> listed() throws Exception {
        return Files.readAllLines(LIST).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("@"))
            .collect(Collectors.toList());
    }

    @Test
    void compiledShimMatchesSignatureListBothWays() throws Exception {
        List<String> actual = ShimSignatures.ofCompiledShim();
        Files.write(Path.of(System.getProperty("shim.basedir", "knime-api-shim"), "target/SIGNATURES.actual.txt"), actual);
        TreeSet<String> missingFromList = new TreeSet<>(actual);
        missingFromList.removeAll(listed());
        TreeSet<String> missingFromShim = new TreeSet<>(listed());
        missingFromShim.removeAll(actual);
        assertEquals("", String.join("\n", missingFromList), "shim members not in SIGNATURES.txt (see target/SIGNATURES.actual.txt)");
        assertEquals("", String.join("\n", missingFromShim), "SIGNATURES.txt members the shim lacks");
    }

    @Test
    void everyListedClassNamesItsKnimeSource() throws Exception {
        // Each class block starts with an "@ repo path" line naming where its signatures were read.
        List<String> lines = Files.readAllLines(LIST);
        List<String> unsourced = new ArrayList<>();
        String source = null;
        String currentClass = null;
        for (String l : lines) {
            if (l.startsWith("@ ")) {
                source = l;
            } else if (!l.isBlank() && !l.startsWith("#")) {
                String cls = l.substring(0, l.indexOf(" :: "));
                String top = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
                if (!top.equals(currentClass)) {
                    currentClass = top;
                    if (source == null || !source.contains(top.replace('.', '/') + ".java")) {
                        unsourced.add(top);
                    }
                }
            }
        }
        assertEquals(List.of(), unsourced, "classes without a matching '@ repo path' line");
        assertTrue(listed().size() > 100, "the list is suspiciously short");
    }
}
