package org.mrisr.engine.compute;

import java.util.concurrent.Callable;

/** Runs test code with {@code mrisr.compute.threads} set, restoring the previous value. */
public final class Threads {
    private Threads() {
    }

    public static <T> T with(int threads, Callable<T> body) throws Exception {
        return withSetting(Integer.toString(threads), body);
    }

    /** The same with the property's text as given (e.g. a malformed one). */
    public static <T> T withSetting(String setting, Callable<T> body) throws Exception {
        String previous = System.getProperty(ComputePool.THREADS_PROPERTY);
        System.setProperty(ComputePool.THREADS_PROPERTY, setting);
        try {
            return body.call();
        } finally {
            if (previous == null) {
                System.clearProperty(ComputePool.THREADS_PROPERTY);
            } else {
                System.setProperty(ComputePool.THREADS_PROPERTY, previous);
            }
        }
    }
}
