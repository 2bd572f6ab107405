/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context.ports;

import org.knime.core.node.port.PortType;

/** A port group whose ports the user can choose from a set of supported types. */
public interface ConfigurablePortGroup extends PortGroupConfiguration {
    PortType[] getSupportedPortTypes();
}
