/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Read access to a KNIME config tree. */
public interface ConfigRO extends ConfigBaseRO, Iterable<String> {
    public Config getConfig(String key) throws InvalidSettingsException;

    @Override
    public Iterator<String> iterator();
}
