package org.mrisr.nodes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/**
 * Node settings saved by mrisr 0.1 (test resources under org/mrisr/nodes/legacy, whole settings.xml files as
 * KNIME writes them): workflows saved then must keep loading.
 */
public final class LegacySettings {
    private LegacySettings() {
    }

    /** The "model" settings of the settings.xml file. */
    public static NodeSettings model(final String file) throws InvalidSettingsException {
        try (InputStream in = LegacySettings.class.getResourceAsStream("/org/mrisr/nodes/legacy/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no legacy settings " + file);
            }
            return (NodeSettings)NodeSettings.loadFromXML(in).getNodeSettings("model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
