package org.mrisr.nodes.port;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nd4j.ComputeSettings;

/**
 * ND4J start-up for the SRGAN nodes: every node (and the port object loader) calls {@link #init}
 * before its first ND4J use, so the bundle's class loaders are set however the workflow is run.
 * Threads, off-heap limit and device come from the mrisr preference page, which publishes them as
 * {@code mrisr.compute.*} system properties ({@link ComputeSettings#fromSystemProperties}); without it,
 * all cores, JavaCPP's default limit, CPU. Only the first call in a JVM decides (ND4J starts once).
 */
public final class SrganBackend {
    private SrganBackend() {
    }

    /** Starts ND4J once per JVM; returns a warning for the user (e.g. GPU asked for, CPU used), or null. */
    public static String init() {
        return preferences().apply().warning();
    }

    /**
     * The mrisr preferences as published now (also what ND4J does not need, such as the prediction memory
     * bound, read at every execution); a bad value is an error naming the preferences.
     */
    public static ComputeSettings preferences() {
        try {
            return ComputeSettings.fromSystemProperties();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("mrisr compute preferences (File > Preferences > mrisr, or -D"
                + ComputeSettings.PROPERTY_PREFIX + "*)", e.getMessage());
        }
    }
}
