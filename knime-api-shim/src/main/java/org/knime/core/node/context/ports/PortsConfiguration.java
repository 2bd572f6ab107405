/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context.ports;

import java.util.List;
import java.util.Map;

import org.knime.core.node.port.PortType;

/**
 * The ports of a node made of named port groups, in the order the groups were added. A group without ports
 * (e.g. an optional group nobody filled) has no entry in the location maps.
 */
public interface PortsConfiguration {
    PortType[] getInputPorts();

    PortType[] getOutputPorts();

    /** Group name to the indices of its input ports; groups with no input port are absent. */
    Map<String, int[]> getInputPortLocation();

    /** Group name to the indices of its output ports; groups with no output port are absent. */
    Map<String, int[]> getOutputPortLocation();

    List<String> getPortGroupNames();
}
