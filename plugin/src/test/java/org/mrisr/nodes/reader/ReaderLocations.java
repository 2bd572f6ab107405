package org.mrisr.nodes.reader;

import java.util.function.Consumer;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.nodes.files.LegacyLocations;

/**
 * The NIfTI Reader's "Read from" in saved settings, for tests and testflow generators outside this package
 * (they edit saved settings: the file chooser's config is replaced).
 */
public final class ReaderLocations {
    private ReaderLocations() {
    }

    private static SettingsModelReaderFileChooser chooser() {
        PortsConfiguration ports = new NiftiReaderNodeFactory().createNodeCreationConfig().getPortConfig().orElseThrow();
        return NiftiReaderSettings.input(ports);
    }

    /** Reads the location in the mode. */
    public static Consumer<NodeSettings> readFrom(final FSLocation location, final FilterMode mode,
        final boolean subfolders) {
        return s -> {
            SettingsModelReaderFileChooser c = chooser();
            c.setLocation(location);
            c.getFilterModeModel().setFilterMode(mode);
            c.getFilterModeModel().setIncludeSubfolders(subfolders);
            c.saveSettingsTo(s);
        };
    }

    /** Reads what an earlier version's location text named, converted as loading its settings does. */
    public static Consumer<NodeSettings> readFrom(final String legacyText) {
        return s -> {
            SettingsModelReaderFileChooser c = chooser();
            try {
                LegacyLocations.toReader(c, legacyText, false);
            } catch (InvalidSettingsException e) {
                throw new IllegalArgumentException(e);
            }
            c.saveSettingsTo(s);
        };
    }
}
