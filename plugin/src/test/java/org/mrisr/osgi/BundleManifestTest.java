package org.mrisr.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The bundle's MANIFEST agrees with what the build puts in the bundle. */
class BundleManifestTest {
    private static final Path BASEDIR = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath();
    private static final String CLI = "org.mrisr.cli";

    static Attributes manifest(final Path bundleDir) throws IOException {
        try (InputStream in = Files.newInputStream(bundleDir.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    /** Header clauses: split at commas outside quotes, parameters dropped. */
    static List<String> clauses(final String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().split(";")[0].trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    static TreeSet<String> jarsIn(final Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.map(p -> "lib/" + p.getFileName()).filter(n -> n.endsWith(".jar")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void bundleClassPathListsExactlyTheJarsInLib() throws IOException {
        List<String> cp = clauses(manifest(BASEDIR).getValue("Bundle-ClassPath"));
        assertEquals(".", cp.get(0), "classes first");
        assertEquals(jarsIn(BASEDIR.resolve("lib")), new TreeSet<>(cp.subList(1, cp.size())),
            "Bundle-ClassPath vs plugin/lib (update META-INF/MANIFEST.MF when dependencies change)");
        assertTrue(cp.stream().noneMatch(j -> j.matches(".*-(linux|windows|macosx)-.*")),
            "platform jars belong in the native fragments");
    }

    @Test
    void linuxFragmentListsExactlyItsJars() throws IOException {
        Path frag = BASEDIR.resolve("../native/org.mrisr.native.linux.x86_64").normalize();
        assertTrue(Files.isDirectory(frag.resolve("lib")), "the default build fills the Linux fragment's lib/");
        assertFragmentMatchesItsLib(frag, "(osgi.os=linux)");
    }

    /** Other fragments' lib/ exists only after a packaging build (-Pnatives-all, -Pcuda); check them then. */
    @Test
    void otherFragmentsListExactlyTheirJarsWhenBuilt() throws IOException {
        String[][] fragments = {
            {"native/org.mrisr.native.windows.x86_64", "(osgi.os=win32)"},
            {"native/org.mrisr.native.macosx.x86_64", "(osgi.os=macosx)"},
            {"feature-cuda/org.mrisr.cuda.linux.x86_64", "(osgi.os=linux)"}};
        for (String[] f : fragments) {
            Path frag = BASEDIR.resolve("..").resolve(f[0]).normalize();
            assertTrue(Files.isRegularFile(frag.resolve("META-INF/MANIFEST.MF")), frag.toString());
            if (Files.isDirectory(frag.resolve("lib"))) {
                assertFragmentMatchesItsLib(frag, f[1]);
            }
        }
    }

    private static void assertFragmentMatchesItsLib(final Path frag, final String osFilter) throws IOException {
        Attributes a = manifest(frag);
        assertEquals(jarsIn(frag.resolve("lib")), new TreeSet<>(clauses(a.getValue("Bundle-ClassPath"))), frag.toString());
        assertEquals("org.mrisr", clauses(a.getValue("Fragment-Host")).get(0));
        assertTrue(a.getValue("Eclipse-PlatformFilter").contains(osFilter), a.getValue("Eclipse-PlatformFilter"));
    }

    @Test
    void identityRequirementsAndExports() throws IOException {
        Attributes a = manifest(BASEDIR);
        assertEquals("org.mrisr;singleton:=true", a.getValue("Bundle-SymbolicName"));
        assertEquals("JavaSE-17", a.getValue("Bundle-RequiredExecutionEnvironment"));
        assertTrue(a.getValue("Require-Bundle").contains("org.knime.core;bundle-version=\"[5.5.0,6.0.0)\""));
        assertTrue(a.getValue("Require-Bundle").contains("org.knime.filehandling.core;bundle-version=\"[5.5.0,6.0.0)\""),
            "the file nodes use KNIME's file-handling framework");
        TreeSet<String> packages;
        Path classes = BASEDIR.resolve("target/classes");
        try (Stream<Path> s = Files.walk(classes.resolve("org/mrisr"))) {
            packages = s.filter(p -> p.toString().endsWith(".class"))
                .map(p -> classes.relativize(p.getParent()).toString().replace('/', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        // the command line (and its benchmarks) runs outside OSGi: no other bundle may depend on it
        TreeSet<String> exported = new TreeSet<>(packages);
        exported.removeIf(p -> p.equals(CLI) || p.startsWith(CLI + "."));
        assertTrue(exported.size() < packages.size(), "the bundle holds the CLI packages");
        assertEquals(exported, new TreeSet<>(clauses(a.getValue("Export-Package"))),
            "Export-Package must list exactly the bundle's packages except the CLI's (add new ones to META-INF/MANIFEST.MF)");
    }

    @Test
    void buildPropertiesShipManifestPluginXmlAndLib() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(BASEDIR.resolve("build.properties"))) {
            p.load(in);
        }
        List<String> bin = clauses(p.getProperty("bin.includes"));
        assertTrue(bin.containsAll(List.of("META-INF/", ".", "plugin.xml", "lib/", "icons/")), bin.toString());
    }

    @Test
    void mainCodeNeverUsesShimOnlyHelpers() throws IOException {
        List<String> offenders;
        try (Stream<Path> s = Files.walk(BASEDIR.resolve("src/main/java"))) {
            offenders = s.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.contains("org.mrisr.knimeshim") || text.matches("(?s).*\\bShim[A-Z]\\w*.*");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders, "shim-only helpers do not exist in KNIME");
    }
}
