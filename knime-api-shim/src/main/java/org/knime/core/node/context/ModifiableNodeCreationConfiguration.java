/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.context;

import java.util.Optional;

import org.knime.core.node.context.ports.ModifiablePortsConfiguration;

/**
 * A node creation configuration whose ports can be changed before the node is created. KNIME's class also
 * implements DeepCopy and NodeSettingsPersistable and carries a URL configuration (omitted here).
 */
public final class ModifiableNodeCreationConfiguration extends NodeCreationConfiguration {
    public ModifiableNodeCreationConfiguration(final ModifiablePortsConfiguration portsConfig) {
        super(portsConfig);
    }

    @Override
    public Optional<ModifiablePortsConfiguration> getPortConfig() {
        return super.getModifiablePortConfig();
    }
}
