package org.mrisr.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.knimeshim.ShimBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleReference;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Starts a real Equinox framework with the KNIME shim installed as bundle org.knime.core, the built
 * org.mrisr bundle (an unpacked folder: target/classes + META-INF + plugin.xml + lib/) and the Linux
 * native fragment; resolves and starts it, loads every class plugin.xml names through the bundle
 * class loader and runs ND4J inside the bundle. Runs in its own JVM (see plugin/pom.xml).
 */
class EquinoxBundleTest {
    private static final Path BASEDIR = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath();

    @TempDir
    static Path tmp;

    private static Framework framework;
    private static Bundle shim;
    private static Bundle fileHandling;
    private static Bundle mrisr;
    private static Bundle linuxNatives;

    @BeforeAll
    static void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("osgi-storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Eclipse's (and so KNIME's) default: JDK packages (javax.swing, sun.misc used by JavaCPP) come
        // from the boot class path without Import-Package. The test class path stays invisible.
        config.put("osgi.compatibility.bootdelegation", "true");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(config);
        framework.start();
        shim = install(shimLocation());
        // org.mrisr requires org.knime.filehandling.core as in KNIME; the shim carries those packages too
        fileHandling = install(ShimBundles.writeFileHandlingFacade(tmp.resolve(ShimBundles.FILEHANDLING)));
        mrisr = install(bundleFolder());
        linuxNatives = install(BASEDIR.resolve("../native/org.mrisr.native.linux.x86_64").normalize());
        try {
            mrisr.start();
        } catch (BundleException e) {
            fail("org.mrisr does not resolve/start in Equinox: " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static Bundle install(final Path location) throws BundleException {
        return framework.getBundleContext().installBundle("reference:" + location.toUri());
    }

    /** The shim as built: its jar, or its classes folder (which carries the same MANIFEST). */
    private static Path shimLocation() throws Exception {
        Path p = Path.of(org.knime.core.node.NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.exists(p.resolve("META-INF/MANIFEST.MF")) || p.toString().endsWith(".jar"), "shim bundle at " + p);
        return p;
    }

    /** The unpacked org.mrisr bundle, linked together from the build outputs (no copying of lib/). */
    private static Path bundleFolder() throws IOException {
        Path dir = tmp.resolve("org.mrisr");
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("META-INF"), BASEDIR.resolve("META-INF"));
        Files.createSymbolicLink(dir.resolve("lib"), BASEDIR.resolve("lib"));
        try (Stream<Path> classes = Files.list(BASEDIR.resolve("target/classes"))) {
            for (Path p : (Iterable<Path>)classes::iterator) {
                if (!p.getFileName().toString().equals("META-INF")) {
                    Files.createSymbolicLink(dir.resolve(p.getFileName()), p);
                }
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("plugin.xml")), "plugin.xml is copied into target/classes by the build");
        return dir;
    }

    @Test
    void bundlesResolveWithTheNativeFragmentAttached() {
        assertEquals(Bundle.ACTIVE, mrisr.getState(), "org.mrisr state");
        assertEquals("org.knime.core", shim.getSymbolicName());
        assertEquals(Bundle.RESOLVED, fileHandling.getState(), "the org.knime.filehandling.core facade");
        assertEquals(Bundle.RESOLVED, linuxNatives.getState(),
            "the linux-x86_64 native fragment must attach to org.mrisr (Eclipse-PlatformFilter matches this machine)");
    }

    @Test
    void everyClassNamedInPluginXmlLoadsThroughTheBundle() throws Exception {
        List<String> factories = attributes("org.knime.workbench.repository.nodes", "factory-class");
        List<String> others = new ArrayList<>();
        others.addAll(attributes("org.knime.core.DataType", "cellClass"));
        others.addAll(attributes("org.knime.core.DataType", "serializerClass"));
        others.addAll(attributes("org.knime.core.PortType", "objectClass"));
        others.addAll(attributes("org.knime.core.PortType", "objectSerializer"));
        others.addAll(attributes("org.knime.core.PortType", "specClass"));
        others.addAll(attributes("org.knime.core.PortType", "specSerializer"));
        assertTrue(others.contains("org.mrisr.nodes.cell.VolumeCell"), "the volume cell is registered: " + others);
        Class<?> nodeFactory = shim.loadClass("org.knime.core.node.NodeFactory");
        // as KNIME creates models, configurable factories (the file nodes) through their default ports
        Method createModel = shim.loadClass("org.knime.core.node.ShimNodeCreation").getMethod("createNodeModel",
            nodeFactory);
        List<String> failures = new ArrayList<>();
        for (String name : factories) {
            try {
                Class<?> c = mrisr.loadClass(name);
                if (!nodeFactory.isAssignableFrom(c)) {
                    failures.add(name + " is not a NodeFactory");
                }
                Object factory = c.getConstructor().newInstance();
                // The model (and through it the engine classes it links) must load in the bundle too.
                Object model = createModel.invoke(null, factory);
                if (model == null || model.getClass().getClassLoader() != c.getClassLoader()) {
                    failures.add(name + ": createNodeModel() gave " + model + " not loaded by org.mrisr");
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                failures.add(name + ": " + e);
            }
        }
        for (String name : others) {
            try {
                assertBundleLoaded(mrisr.loadClass(name));
            } catch (ClassNotFoundException | LinkageError e) {
                failures.add(name + ": " + e);
            }
        }
        assertEquals(List.of(), failures, "classes named in plugin.xml that cannot be loaded by org.mrisr");
        assertTrue(factories.size() >= 6, "plugin.xml must name the node factories (reader, writer, degrade, patches, "
            + "interpolate, scorer); it names " + factories);
        assertEquals(List.of("/community/mrisr"),
            attributes("org.knime.workbench.repository.nodes", "category-path").stream().distinct().toList(),
            "every node sits in the mrisr category");
        System.out.println("plugin.xml names " + factories.size() + " node factories, " + others.size() + " other classes");
    }

    @Test
    void nd4jComputesInsideTheBundleAndFallsBackToCpuWithOneWarning() throws Exception {
        Class<?> backend = mrisr.loadClass("org.mrisr.engine.nd4j.Nd4jBackend");
        assertBundleLoaded(backend);
        Method init = backend.getMethod("init", mrisr.loadClass("org.mrisr.engine.nd4j.Nd4jBackend$Device"));
        // No CUDA fragment is installed: asking for the GPU must give the CPU and say why.
        Object gpuAsked = init.invoke(null, device("GPU"));
        assertEquals("CPU", call(gpuAsked, "device").toString());
        String warning = (String)call(gpuAsked, "warning");
        assertTrue(warning != null && warning.contains("running on CPU"), "warning: " + warning);
        Object cpuAsked = init.invoke(null, device("CPU"));
        assertEquals("CPU", call(cpuAsked, "device").toString());
        assertEquals(null, call(cpuAsked, "warning"));

        assertEquals(134.0, (double)backend.getMethod("selfCheck").invoke(null), 1e-6,
            "[[1,2],[3,4]] x [[5,6],[7,8]] summed");
        Class<?> nd4j = mrisr.loadClass("org.nd4j.linalg.factory.Nd4j");
        assertBundleLoaded(nd4j);
        Object be = nd4j.getMethod("getBackend").invoke(null);
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", be.getClass().getName());
        assertBundleLoaded(be.getClass());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object device(final String name) throws ClassNotFoundException {
        return Enum.valueOf((Class)mrisr.loadClass("org.mrisr.engine.nd4j.Nd4jBackend$Device"), name);
    }

    private static Object call(final Object target, final String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static void assertBundleLoaded(final Class<?> c) {
        assertNotNull(c.getClassLoader(), c + " from the boot class path");
        assertTrue(c.getClassLoader() instanceof BundleReference,
            c + " was loaded by " + c.getClassLoader() + ", not by a bundle class loader");
        assertEquals("org.mrisr", ((BundleReference)c.getClassLoader()).getBundle().getSymbolicName());
    }

    private static List<String> attributes(final String point, final String attribute) throws Exception {
        File pluginXml = BASEDIR.resolve("plugin.xml").toFile();
        NodeList extensions = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml)
            .getElementsByTagName("extension");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < extensions.getLength(); i++) {
            Element ext = (Element)extensions.item(i);
            if (point.equals(ext.getAttribute("point"))) {
                NodeList all = ext.getElementsByTagName("*");
                for (int j = 0; j < all.getLength(); j++) {
                    String v = ((Element)all.item(j)).getAttribute(attribute);
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
        }
        return values;
    }
}
