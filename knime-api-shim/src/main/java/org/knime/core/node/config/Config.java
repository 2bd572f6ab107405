/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** A config tree whose children are configs of the same class. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {
    protected Config(final String key) {
        super(key);
    }

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        return (Config)getConfigBase(key);
    }
}
