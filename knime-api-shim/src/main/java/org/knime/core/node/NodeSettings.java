/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.mrisr.knimeshim.XmlSettingsReader;

/** In-memory node settings; saveToXML/loadFromXML use KNIME's settings.xml layout. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfigBase(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        settings.copyTo(addNodeSettings(settings.getKey()));
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)getConfigBase(key);
    }

    @Override
    public void copyTo(final org.knime.core.node.config.ConfigWO dest) {
        super.copyTo(dest);
    }

    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return XmlSettingsReader.read(in, NodeSettings::new);
    }
}
