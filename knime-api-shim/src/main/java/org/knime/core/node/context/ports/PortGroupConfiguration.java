/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context.ports;

import org.knime.core.node.port.PortType;

/**
 * One port group. KNIME's interface also extends DeepCopy and NodeSettingsPersistable (omitted here:
 * nodes only read groups).
 */
public interface PortGroupConfiguration {
    PortType[] getInputPorts();

    PortType[] getOutputPorts();

    boolean definesInputPorts();

    boolean definesOutputPorts();
}
