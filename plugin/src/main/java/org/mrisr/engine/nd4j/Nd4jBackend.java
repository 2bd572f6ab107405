package org.mrisr.engine.nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J on the requested device; call {@link #init(Device)} before the first ND4J use.
 *
 * <p>Why: under OSGi (KNIME) ND4J's ServiceLoader lookup of its backend and DL4J's reflective class
 * loading use the thread context class loader, which cannot see this bundle's embedded jars; both
 * are pointed at this class's loader. The device choice works by hiding the other backend's service
 * entry from ND4J: ND4J would otherwise always pick CUDA when the optional GPU feature is installed.
 * When CUDA is asked for but cannot load (no feature, no driver, unsupported GPU), ND4J falls back
 * to CPU by itself and the returned selection carries one warning saying so.
 *
 * <p>ND4J picks its backend once per JVM, so only the first call decides; later calls asking for
 * another device get a warning and the device already in use.
 */
public final class Nd4jBackend {
    /** Compute device. */
    public enum Device { CPU, GPU }

    /** The device ND4J runs on, and a warning (null if none) when that is not the one requested. */
    public static final class Selection {
        private final Device m_device;
        private final String m_warning;

        Selection(final Device device, final String warning) {
            m_device = device;
            m_warning = warning;
        }

        public Device device() {
            return m_device;
        }

        /** One line for the user, or null. */
        public String warning() {
            return m_warning;
        }
    }

    private static final String SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    private static Selection current;

    private Nd4jBackend() {
    }

    public static synchronized Selection init(final Device requested) {
        if (current != null) {
            return current.device() == requested ? new Selection(requested, null) : new Selection(current.device(),
                "ND4J already runs on " + current.device() + " in this JVM; restart to switch to " + requested + ".");
        }
        ClassLoader own = Nd4jBackend.class.getClassLoader();
        ND4JClassLoading.setNd4jClassloader(requested == Device.CPU ? new BackendFilter(own, "org.nd4j.linalg.cpu.") : own);
        DL4JClassLoading.setDl4jClassloader(own);
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(own);
        try {
            String backend = Nd4j.getBackend().getClass().getName();
            Device used = backend.contains(".jcublas.") ? Device.GPU : Device.CPU;
            String warning = used == requested ? null
                : "GPU requested but the CUDA backend could not be loaded (it needs the optional mrisr CUDA feature, "
                    + "an NVIDIA driver for CUDA 11.6 and a GPU of compute capability <= 8.6); running on CPU.";
            current = new Selection(used, warning);
            return current;
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /**
     * A 2x2 matrix product on the backend in use: 134 when ND4J, its backend and natives work
     * (a quick health check for diagnostics and the OSGi bundle test). Call {@link #init} first.
     */
    public static double selfCheck() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}});
        return a.mmul(b).sumNumber().doubleValue();
    }

    /** Delegates everything, but shows ND4J only the backend service files naming the wanted backend. */
    private static final class BackendFilter extends ClassLoader {
        private final String m_backendPrefix;

        BackendFilter(final ClassLoader parent, final String backendPrefix) {
            super(parent);
            m_backendPrefix = backendPrefix;
        }

        @Override
        public Enumeration<URL> getResources(final String name) throws IOException {
            Enumeration<URL> all = super.getResources(name);
            if (!SERVICE.equals(name)) {
                return all;
            }
            List<URL> kept = new ArrayList<>();
            for (URL u : Collections.list(all)) {
                try (InputStream in = u.openStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (text.lines().map(String::trim).anyMatch(l -> l.startsWith(m_backendPrefix))) {
                        kept.add(u);
                    }
                }
            }
            return Collections.enumeration(kept);
        }
    }
}
