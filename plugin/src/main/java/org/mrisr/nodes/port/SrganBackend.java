package org.mrisr.nodes.port;

import org.mrisr.engine.nd4j.Nd4jBackend;

/**
 * ND4J start-up for the SRGAN nodes: every node (and the port object loader) calls {@link #init}
 * before its first ND4J use, so the bundle's class loaders are set however the workflow is run.
 * The device is CPU: no preference page chooses a GPU yet.
 */
public final class SrganBackend {
    private SrganBackend() {
    }

    /** Starts ND4J once per JVM; returns a warning for the user, or null. */
    public static String init() {
        return Nd4jBackend.init(Nd4jBackend.Device.CPU).warning();
    }
}
