package org.mrisr.nodes.reader;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.files.LegacyLocations;

/**
 * Settings of the NIfTI Reader. Version 0.1 saved a text "location" (paths or URLs separated by ';') and a
 * "recursive" flag; {@link #upgrade} turns them into the file chooser (see {@link LegacyLocations#toReader}).
 */
final class NiftiReaderSettings extends NodeSettingsGroup {
    /** What the file chooser's browser shows; listings are filtered by the node itself. */
    static final String[] EXTENSIONS = {".nii", ".nii.gz", ".hdr"};
    private static final String LEGACY_LOCATION = "location";
    private static final String LEGACY_RECURSIVE = "recursive";

    private final PortsConfiguration ports;
    final SettingsModelReaderFileChooser input;
    final SettingsModelIntegerBounded volumeIndex = volumeIndex();
    final SettingsModelBoolean skipBad = skipBad();
    final SettingsModelString pathColumn = pathColumn();
    /** NaN/Inf voxels of the files read: background (0) with a warning naming the files, or refuse. */
    final SettingsModelString nonFinite = NonFiniteVoxels.model();

    NiftiReaderSettings(final PortsConfiguration ports) {
        this.ports = ports;
        this.input = input(ports);
    }

    /** "Read from": a file, a folder (its NIfTI files), or the files in a folder (the framework's filters). */
    static SettingsModelReaderFileChooser input(final PortsConfiguration ports) {
        return new SettingsModelReaderFileChooser("input", ports, FileSystemPort.GROUP,
            EnumConfig.create(FilterMode.FILE, FilterMode.FOLDER, FilterMode.FILES_IN_FOLDERS), EXTENSIONS);
    }

    /** Which volume of a 4-D file to read (0-based). */
    static SettingsModelIntegerBounded volumeIndex() {
        return new SettingsModelIntegerBounded("volume_index", 0, 0, Integer.MAX_VALUE);
    }

    static SettingsModelBoolean skipBad() {
        return new SettingsModelBoolean("skip_bad_files", false);
    }

    /** With the optional table connected: its column of paths (Path or string cells). */
    static SettingsModelString pathColumn() {
        return new SettingsModelString("path_column", "");
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(input, volumeIndex, skipBad, pathColumn, nonFinite);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY);
    }

    /** Whether a location is needed depends on the input (see configure); only the non-finite option is checked. */
    @Override
    protected void check() throws InvalidSettingsException {
        NonFiniteVoxels.policy(nonFinite);
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new NiftiReaderSettings(ports);
    }

    /** Settings of version 0.1 (a text "location") in the current form; current settings unchanged. */
    @Override
    protected NodeSettingsRO upgrade(final NodeSettingsRO s) throws InvalidSettingsException {
        if (!s.containsKey(LEGACY_LOCATION) || s.containsKey("input")) {
            return s;
        }
        NiftiReaderSettings now = new NiftiReaderSettings(ports);
        LegacyLocations.toReader(now.input, s.getString(LEGACY_LOCATION), s.getBoolean(LEGACY_RECURSIVE, false));
        return now.carryOver(s, List.of(now.volumeIndex, now.skipBad, now.pathColumn));
    }
}
