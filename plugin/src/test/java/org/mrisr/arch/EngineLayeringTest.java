package org.mrisr.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine's layering, as each package's {@code package-info.java} writes it ("Layer N. May
 * import: {@code a}, {@code b}."): every engine package declares its layer and what it may import;
 * what it may import lies on lower layers; and no class imports (or names inline) an engine package
 * outside that list. Comments and strings do not count.
 */
class EngineLayeringTest {
    private static final String ENGINE = "org.mrisr.engine";
    private static final Pattern LAYER = Pattern.compile("Layer (\\d+)\\. May import: (.*?)\\.\\s*\\n\\s*\\*/", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([\\w.]+)}");
    private static final Pattern REF = Pattern.compile("\\b(org\\.mrisr\\.engine(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z*]");
    private static final Pattern NOISE = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"", Pattern.DOTALL);

    record Rule(int layer, Set<String> mayImport) {
    }

    static Path engine() {
        return EngineIsKnimeFreeTest.sources().resolve("engine");
    }

    static String packageOf(Path dir) {
        String rel = engine().relativize(dir).toString().replace('/', '.');
        return rel.isEmpty() ? ENGINE : ENGINE + "." + rel;
    }

    static Map<String, Rule> rules() throws IOException {
        Map<String, Rule> rules = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(engine())) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Path info = d.resolve("package-info.java");
                assertTrue(Files.isRegularFile(info), "engine package without package-info.java: " + packageOf(d));
                rules.put(packageOf(d), parse(Files.readString(info), info.toString()));
            }
        }
        return rules;
    }

    static Rule parse(String packageInfo, String where) {
        Matcher m = LAYER.matcher(packageInfo);
        assertTrue(m.find(), where + ": no 'Layer N. May import: ...' line");
        Set<String> allowed = new TreeSet<>();
        Matcher c = CODE.matcher(m.group(2));
        while (c.find()) {
            allowed.add(c.group(1));
        }
        return new Rule(Integer.parseInt(m.group(1)), allowed);
    }

    /** Engine packages a source file refers to, outside comments and strings. */
    static Set<String> references(String source) {
        Set<String> refs = new TreeSet<>();
        Matcher m = REF.matcher(NOISE.matcher(source).replaceAll(""));
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    @Test
    void everyPackageMayImportOnlyLowerLayers() throws IOException {
        Map<String, Rule> rules = rules();
        assertTrue(rules.size() >= 10, "expected the engine's packages, found " + rules.keySet());
        List<String> bad = new ArrayList<>();
        rules.forEach((pkg, r) -> {
            for (String a : r.mayImport()) {
                Rule lower = rules.get(a);
                if (lower == null || lower.layer() >= r.layer()) {
                    bad.add(pkg + " (layer " + r.layer() + ") may import " + a
                            + (lower == null ? ", which is no engine package" : " on layer " + lower.layer()));
                }
            }
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void classesImportOnlyWhatTheirPackageAllows() throws IOException {
        Map<String, Rule> rules = rules();
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(engine())) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = packageOf(f.getParent());
                Rule r = rules.get(pkg);
                for (String ref : references(Files.readString(f))) {
                    if (!ref.equals(pkg) && !r.mayImport().contains(ref)) {
                        bad.add(engine().relativize(f) + " uses " + ref);
                    }
                }
            }
        }
        assertEquals(List.of(), bad, "imports against the layering in package-info.java");
    }

    @Test
    void detectorSeesImportsAndInlineNamesButNotComments() {
        assertEquals(Set.of("org.mrisr.engine.srgan.io", "org.mrisr.engine.ops"),
                references("import org.mrisr.engine.srgan.io.ModelFile;\n"
                        + "class X { Object o = org.mrisr.engine.ops.Zoom.of(); // org.mrisr.engine.eval.Upscaler\n"
                        + "/** {@link org.mrisr.engine.nifti.NiftiReader} */ String s = \"org.mrisr.engine.viz.Montage\"; }"));
        Rule r = parse("/**\n * Text.\n *\n * <p>Layer 3. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.volume}.\n */\n"
                + "package org.mrisr.engine.patch;\n", "test");
        assertEquals(3, r.layer());
        assertEquals(Set.of("org.mrisr.engine", "org.mrisr.engine.volume"), r.mayImport());
        assertFalse(r.mayImport().contains("org.mrisr.engine.ops"));
    }
}
