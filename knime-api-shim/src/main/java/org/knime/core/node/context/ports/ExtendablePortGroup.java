/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context.ports;

import java.util.Arrays;
import java.util.stream.Stream;

import org.knime.core.node.port.PortType;

/**
 * A port group with fixed ports followed by ports the user added (an optional port group is an extendable
 * group of at most one added port). Throws UnsupportedOperationException for the direction it does not
 * define, as KNIME does.
 */
public interface ExtendablePortGroup extends ConfigurablePortGroup {
    @Override
    default PortType[] getInputPorts() {
        if (definesInputPorts()) {
            return Stream.concat(Arrays.stream(getFixedPorts()), Arrays.stream(getConfiguredPorts()))
                .toArray(PortType[]::new);
        }
        throw new UnsupportedOperationException("This port group does not specify input ports.");
    }

    @Override
    default PortType[] getOutputPorts() {
        if (definesOutputPorts()) {
            return Stream.concat(Arrays.stream(getFixedPorts()), Arrays.stream(getConfiguredPorts()))
                .toArray(PortType[]::new);
        }
        throw new UnsupportedOperationException("This port group does not specify output ports.");
    }

    PortType[] getFixedPorts();

    PortType[] getConfiguredPorts();

    boolean canAddPort();

    boolean hasConfiguredPorts();

    void addPort(final PortType pType);

    PortType removeLastPort();
}
