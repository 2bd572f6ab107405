package org.mrisr.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** feature.xml, the CUDA feature and the update site name exactly the bundles and features that exist. */
class PackagingTest {
    private static final Path ROOT = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().resolve("..").normalize();

    private static List<Element> elements(final Path xml, final String tag) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element)nodes.item(i));
        }
        return out;
    }

    private static TreeSet<String> symbolicNamesUnder(final String dir) throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("META-INF/MANIFEST.MF")))
                .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void mainFeatureShipsTheBundleAndEveryNativeFragmentWithItsPlatform() throws Exception {
        List<Element> plugins = elements(ROOT.resolve("feature/feature.xml"), "plugin");
        TreeSet<String> ids = plugins.stream().map(e -> e.getAttribute("id")).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> expected = symbolicNamesUnder("native");
        expected.add("org.mrisr");
        assertEquals(expected, ids);
        for (Element e : plugins) {
            String id = e.getAttribute("id");
            if (id.startsWith("org.mrisr.native.")) {
                String os = id.split("\\.")[3];
                assertEquals(os.equals("windows") ? "win32" : os, e.getAttribute("os"), id);
                assertEquals("x86_64", e.getAttribute("arch"), id);
                String filter = BundleManifestTest.manifest(ROOT.resolve("native").resolve(id)).getValue("Eclipse-PlatformFilter");
                assertTrue(filter.contains("(osgi.os=" + e.getAttribute("os") + ")"), id + ": " + filter);
                assertEquals(id, BundleManifestTest.manifest(ROOT.resolve("native").resolve(id)).getValue("Bundle-SymbolicName"));
            }
        }
        assertTrue(elements(ROOT.resolve("feature/feature.xml"), "license").get(0).getTextContent().contains("Apache License"));
    }

    @Test
    void cudaFeatureShipsItsFragmentAndTheSiteListsAllFeatures() throws Exception {
        TreeSet<String> cuda = elements(ROOT.resolve("feature-cuda/feature/feature.xml"), "plugin").stream()
            .map(e -> e.getAttribute("id")).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> cudaDirs = symbolicNamesUnder("feature-cuda");
        assertEquals(cudaDirs, cuda);
        TreeSet<String> siteFeatures = elements(ROOT.resolve("update-site/category.xml"), "feature").stream()
            .map(e -> e.getAttribute("id")).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> featureIds = new TreeSet<>(List.of(
            elements(ROOT.resolve("feature/feature.xml"), "feature").get(0).getAttribute("id"),
            elements(ROOT.resolve("feature-cuda/feature/feature.xml"), "feature").get(0).getAttribute("id"),
            elements(ROOT.resolve("prefs/feature/feature.xml"), "feature").get(0).getAttribute("id")));
        assertEquals(featureIds, siteFeatures);
        // The preference page's feature carries exactly that bundle and needs the main feature.
        assertEquals(List.of("org.mrisr.prefs"), elements(ROOT.resolve("prefs/feature/feature.xml"), "plugin").stream()
            .map(e -> e.getAttribute("id")).toList());
        assertEquals("org.mrisr.prefs", BundleManifestTest.manifest(ROOT.resolve("prefs/org.mrisr.prefs"))
            .getValue("Bundle-SymbolicName").split(";")[0]);
        assertTrue(elements(ROOT.resolve("prefs/feature/feature.xml"), "import").stream()
            .anyMatch(e -> "org.mrisr.feature".equals(e.getAttribute("feature"))));
    }
}
