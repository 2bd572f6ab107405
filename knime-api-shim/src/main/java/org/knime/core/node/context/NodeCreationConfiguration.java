/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context;

import java.util.Optional;

import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortsConfiguration;

/** What a node is created with: its ports configuration (if its factory defines one). */
public class NodeCreationConfiguration {
    private final ModifiablePortsConfiguration m_portsConfig;

    protected NodeCreationConfiguration(final ModifiablePortsConfiguration portsConfig) {
        m_portsConfig = portsConfig;
    }

    public Optional<? extends PortsConfiguration> getPortConfig() {
        return Optional.ofNullable(m_portsConfig);
    }

    protected Optional<ModifiablePortsConfiguration> getModifiablePortConfig() {
        return Optional.ofNullable(m_portsConfig);
    }
}
