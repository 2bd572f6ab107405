/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context.ports;

import java.util.Map;

/**
 * A ports configuration whose extendable groups can gain or lose ports (what the node's "..." menu does in
 * KNIME). KNIME's interface also extends DeepCopy and NodeSettingsPersistable and has more members; the
 * shim declares the ones tests use to add an optional port.
 */
public interface ModifiablePortsConfiguration extends PortsConfiguration {
    Map<String, ExtendablePortGroup> getExtendablePorts();

    /** The group of that name; NoSuchElementException if there is none. */
    PortGroupConfiguration getGroup(final String grpName);
}
