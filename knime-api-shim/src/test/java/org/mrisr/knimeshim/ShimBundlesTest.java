package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeModel;

/** The shim bundle exports KNIME's file-handling packages; the facade bundle names them org.knime.filehandling.core. */
class ShimBundlesTest {
    @TempDir
    Path m_tmp;

    @Test
    void facadeRequiresAndReexportsTheShim() throws Exception {
        Path dir = ShimBundles.writeFileHandlingFacade(m_tmp.resolve("fh"));
        Attributes a;
        try (InputStream in = Files.newInputStream(dir.resolve("META-INF/MANIFEST.MF"))) {
            a = new Manifest(in).getMainAttributes();
        }
        assertEquals("org.knime.filehandling.core", a.getValue("Bundle-SymbolicName"));
        assertTrue(a.getValue("Require-Bundle").startsWith("org.knime.core;") && a.getValue("Require-Bundle")
            .endsWith("visibility:=reexport"));
    }

    @Test
    void shimBundleExportsEveryPackageWithKnimeClasses() throws Exception {
        Path root = Path.of(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest shim;
        try (InputStream in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
            shim = new Manifest(in);
        }
        Set<String> exported = Arrays.stream(shim.getMainAttributes().getValue("Export-Package").split(","))
            .map(e -> e.substring(0, e.indexOf(';'))).collect(Collectors.toSet());
        Set<String> packages;
        try (Stream<Path> files = Files.walk(root.resolve("org/knime"))) {
            packages = files.filter(f -> f.toString().endsWith(".class"))
                .map(f -> root.relativize(f.getParent()).toString().replace('/', '.')).collect(Collectors.toSet());
        }
        assertTrue(packages.contains("org.knime.filehandling.core.port"), packages.toString());
        assertEquals(packages, exported);
    }
}
