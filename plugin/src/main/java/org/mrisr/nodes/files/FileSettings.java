package org.mrisr.nodes.files;

import java.util.List;
import java.util.function.Function;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractSettingsModelFileChooser;
import org.mrisr.nodes.common.NodeSettingsGroup;

/**
 * The settings of a node whose one setting is a file chooser (the SRGAN Model Reader and Writer). Settings
 * saved by version 0.1 (a text field under {@code legacyKey}) are converted on load by {@code legacy}; an
 * empty location is reported by configure, in KNIME's words.
 *
 * @param <C> the chooser
 */
public final class FileSettings<C extends AbstractSettingsModelFileChooser<C>> extends NodeSettingsGroup {
    /** Sets the chooser from settings saved by version 0.1. */
    @FunctionalInterface
    public interface Legacy<C> {
        void convert(C chooser, NodeSettingsRO old) throws InvalidSettingsException;
    }

    private final PortsConfiguration ports;
    private final Function<PortsConfiguration, C> create;
    private final String legacyKey;
    private final Legacy<C> legacy;
    private final C chooser;

    public FileSettings(final PortsConfiguration ports, final Function<PortsConfiguration, C> create,
        final String legacyKey, final Legacy<C> legacy) {
        this.ports = ports;
        this.create = create;
        this.legacyKey = legacyKey;
        this.legacy = legacy;
        this.chooser = create.apply(ports);
    }

    public C chooser() {
        return chooser;
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(chooser);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        // the location is checked by configureInModel
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new FileSettings<>(ports, create, legacyKey, legacy);
    }

    @Override
    protected NodeSettingsRO upgrade(final NodeSettingsRO s) throws InvalidSettingsException {
        if (!s.containsKey(legacyKey) || s.containsKey(chooser.getKeysForFSLocation()[0])) {
            return s;
        }
        FileSettings<C> now = new FileSettings<>(ports, create, legacyKey, legacy);
        legacy.convert(now.chooser, s);
        return now.carryOver(s, List.of());
    }
}
