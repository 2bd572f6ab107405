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

/** In-memory model content, saved in KNIME's XML config layout. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfigBase(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        return (ModelContent)getConfigBase(key);
    }

    public static ModelContentRO loadFromXML(final InputStream in) throws IOException {
        return XmlSettingsReader.read(in, ModelContent::new);
    }
}
