package org.mrisr.engine.srgan;

import java.util.function.Consumer;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once and says which backend runs. ND4J itself picks the highest-priority backend on
 * the class path whose natives load (CUDA through {@code nd4j-cuda-11.6} when installed, else the
 * oneDNN CPU build) and silently falls back when CUDA cannot start; this class turns that silent
 * fallback into one clear warning. Off-heap limit and threads are applied before the first array.
 * (A stand-in until a shared ND4J engine class exists.)
 */
public final class Backend {
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static volatile String started;

    private Backend() {
    }

    /**
     * Starts ND4J (idempotent) and returns the backend's name ("CPU" or "CUDA").
     *
     * @param threads      compute threads (0: ND4J's default)
     * @param maxOffHeapMb off-heap limit in MB (0: leave as configured); must come before ND4J starts
     * @param warn         receives the one fallback warning, if any
     */
    public static synchronized String start(int threads, long maxOffHeapMb, Consumer<String> warn) {
        if (started != null) {
            return started;
        }
        if (maxOffHeapMb > 0 && System.getProperty("org.bytedeco.javacpp.maxbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxbytes", maxOffHeapMb + "M");
        }
        String backendClass = Nd4j.getBackend().getClass().getName();
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
        boolean cudaInstalled = onClassPath(CUDA_BACKEND);
        String w = fallbackWarning(cudaInstalled, backendClass);
        if (w != null && warn != null) {
            warn.accept(w);
        }
        started = backendClass.equals(CUDA_BACKEND) ? "CUDA" : "CPU";
        return started;
    }

    /** The warning for a CUDA backend that is installed but did not start, or null. */
    static String fallbackWarning(boolean cudaInstalled, String loadedBackendClass) {
        if (cudaInstalled && !CUDA_BACKEND.equals(loadedBackendClass)) {
            return "warning: the CUDA backend (nd4j-cuda-11.6) is installed but could not start; running on the CPU. "
                    + "It needs an NVIDIA driver with CUDA 11.6 and cuDNN 8.3 and a GPU of compute capability <= 8.6.";
        }
        return null;
    }

    static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, Backend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
