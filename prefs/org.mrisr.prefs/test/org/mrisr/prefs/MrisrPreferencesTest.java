package org.mrisr.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nd4j.ComputeSettings;
import org.mrisr.engine.nd4j.Nd4jBackend.Device;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The page's logic on an in-memory store: defaults, publishing to the engine, validation; plugin.xml wiring. */
class MrisrPreferencesTest {
    private static final Path BASE = Path.of(System.getProperty("mrisr.prefs.basedir", "."));

    @AfterEach
    void clearProperties() {
        for (String k : ComputeSettings.defaults().toMap().keySet()) {
            System.clearProperty(ComputeSettings.PROPERTY_PREFIX + k);
        }
    }

    @Test
    void defaultsAreTheEngineDefaults() {
        PreferenceStore s = new PreferenceStore();
        MrisrPreferences.initializeDefaults(s);
        assertEquals("0", s.getDefaultString(ComputeSettings.THREADS));
        assertEquals("0", s.getDefaultString(ComputeSettings.OFF_HEAP));
        assertEquals("CPU", s.getDefaultString(ComputeSettings.DEVICE));
        assertEquals("0", s.getDefaultString(ComputeSettings.PREDICT_MEMORY), "no prediction memory bound");
        assertEquals(ComputeSettings.defaults(), MrisrPreferences.publish(s));
        assertEquals(ComputeSettings.defaults(), ComputeSettings.fromSystemProperties());
    }

    @Test
    void publishedValuesReachTheEngine() {
        PreferenceStore s = new PreferenceStore();
        MrisrPreferences.initializeDefaults(s);
        s.setValue(ComputeSettings.THREADS, "3");
        s.setValue(ComputeSettings.OFF_HEAP, "8g");
        s.setValue(ComputeSettings.DEVICE, "GPU");
        s.setValue(ComputeSettings.PREDICT_MEMORY, "2g");
        ComputeSettings published = MrisrPreferences.publish(s);
        ComputeSettings expected = new ComputeSettings(3, 8L << 30, Device.GPU, 2L << 30);
        assertEquals(expected, published);
        assertEquals(expected, ComputeSettings.fromSystemProperties());
        assertEquals("8G", System.getProperty("mrisr.compute.offHeapLimit"), "published in the engine's canonical form");
    }

    @Test
    void anInvalidStoredValuePublishesNothing() {
        PreferenceStore s = new PreferenceStore();
        MrisrPreferences.initializeDefaults(s);
        s.setValue(ComputeSettings.THREADS, "2");
        MrisrPreferences.publish(s);
        s.setValue(ComputeSettings.THREADS, "many");
        s.setValue(ComputeSettings.DEVICE, "GPU");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MrisrPreferences.publish(s));
        assertTrue(e.getMessage().contains("many"), e.getMessage());
        assertEquals("2", System.getProperty("mrisr.compute.threads"));
        assertEquals("CPU", System.getProperty("mrisr.compute.device"), "the device of the bad set was not published");
    }

    @Test
    void offHeapFieldValidation() {
        assertNull(MrisrPreferences.offHeapProblem("0"));
        assertNull(MrisrPreferences.offHeapProblem("512M"));
        assertNull(MrisrPreferences.offHeapProblem(" 8G "));
        assertNotNull(MrisrPreferences.offHeapProblem("100M"));
        assertTrue(MrisrPreferences.offHeapProblem("100M").contains("256M"));
        assertTrue(MrisrPreferences.offHeapProblem("lots").contains("lots"));
        assertNull(MrisrPreferences.sizeProblem(ComputeSettings.PREDICT_MEMORY, "1500M"));
        assertTrue(MrisrPreferences.sizeProblem(ComputeSettings.PREDICT_MEMORY, "2x").contains("2x"));
    }

    @Test
    void pluginXmlNamesClassesOfTheRightKinds() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(BASE.resolve("plugin.xml").toFile()).getDocumentElement();
        List<String> seen = new ArrayList<>();
        NodeList ext = root.getElementsByTagName("extension");
        for (int i = 0; i < ext.getLength(); i++) {
            Element e = (Element)ext.item(i);
            Element child = (Element)e.getElementsByTagName("*").item(0);
            Class<?> c = Class.forName(child.getAttribute("class"), false, getClass().getClassLoader());
            switch (e.getAttribute("point")) {
                case "org.eclipse.ui.preferencePages" -> {
                    assertTrue(IWorkbenchPreferencePage.class.isAssignableFrom(c), c.getName());
                    assertEquals("org.knime.workbench.ui.preferences", child.getAttribute("category"),
                        "listed under KNIME's own preference page");
                    c.getConstructor();
                }
                case "org.eclipse.core.runtime.preferences" ->
                    assertTrue(AbstractPreferenceInitializer.class.isAssignableFrom(c), c.getName());
                case "org.eclipse.ui.startup" -> assertTrue(IStartup.class.isAssignableFrom(c), c.getName());
                default -> throw new AssertionError("unexpected extension point " + e.getAttribute("point"));
            }
            seen.add(e.getAttribute("point"));
        }
        assertEquals(3, seen.size(), seen.toString());
    }

    @Test
    void manifestNeedsNoBundleBeyondEclipseAndMrisr() throws Exception {
        Manifest m;
        try (var in = Files.newInputStream(BASE.resolve("META-INF/MANIFEST.MF"))) {
            m = new Manifest(in);
        }
        String req = m.getMainAttributes().getValue("Require-Bundle");
        assertTrue(req.contains("org.eclipse.ui") && req.contains("org.eclipse.core.runtime") && req.contains("org.mrisr;"),
            req);
        assertTrue(m.getMainAttributes().getValue("Bundle-SymbolicName").startsWith(MrisrPreferences.ID + ";"));
    }
}
