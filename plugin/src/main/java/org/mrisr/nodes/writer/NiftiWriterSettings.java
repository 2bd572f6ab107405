package org.mrisr.nodes.writer;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.files.LegacyLocations;

/**
 * Settings of the NIfTI Writer. Version 0.1 saved a text "folder" and an "overwrite" flag; {@link #upgrade}
 * turns them into the folder chooser (overwrite on: "overwrite", off: "fail"; missing folders created, as 0.1 did).
 */
final class NiftiWriterSettings extends NodeSettingsGroup {
    static final String FLOAT32 = "float32";
    static final String INT16 = "int16 (scaled)";
    private static final String LEGACY_FOLDER = "folder";
    private static final String LEGACY_OVERWRITE = "overwrite";

    private final PortsConfiguration ports;
    final SettingsModelString volumeColumn = volumeColumn();
    final SettingsModelWriterFileChooser output;
    final SettingsModelString pattern = pattern();
    final SettingsModelBoolean gzip = gzip();
    final SettingsModelString storage = storage();
    /** NaN/Inf voxels of the volumes to write: written as 0 with a warning naming the rows, or refused. */
    final SettingsModelString nonFinite = NonFiniteVoxels.model();

    NiftiWriterSettings(final PortsConfiguration ports) {
        this.ports = ports;
        this.output = output(ports);
    }

    static SettingsModelString volumeColumn() {
        return new SettingsModelString("volume_column", "");
    }

    /**
     * "Write to": a folder on any file system but a Custom URL (which cannot hold a folder), with "Create
     * missing folders" (on by default) and "If exists": fail (default), overwrite or ignore (keep the file).
     */
    static SettingsModelWriterFileChooser output(final PortsConfiguration ports) {
        SettingsModelWriterFileChooser m = new SettingsModelWriterFileChooser("output", ports, FileSystemPort.GROUP,
            EnumConfig.create(FilterMode.FOLDER),
            EnumConfig.create(FileOverwritePolicy.FAIL, FileOverwritePolicy.OVERWRITE, FileOverwritePolicy.IGNORE),
            FSCategory.getStandardNonTrivialFSCategories());
        m.setCreateMissingFolders(true);
        return m;
    }

    /** File name without extension; {rowid} and {column name} are replaced per row. */
    static SettingsModelString pattern() {
        return new SettingsModelString("file_name_pattern", FileNamePattern.ROW_ID);
    }

    static SettingsModelBoolean gzip() {
        return new SettingsModelBoolean("gzip", true);
    }

    /** Voxel type on disk: exact float32, or int16 with a slope (half the size, ~1/65535 of the range). */
    static SettingsModelString storage() {
        return new SettingsModelString("voxel_type", FLOAT32);
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(volumeColumn, output, pattern, gzip, storage, nonFinite);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        FileNamePattern.parse(pattern.getStringValue());
        NonFiniteVoxels.policy(nonFinite);
        if (!FLOAT32.equals(storage.getStringValue()) && !INT16.equals(storage.getStringValue())) {
            throw new InvalidSettingsException("Voxel type '" + storage.getStringValue() + "' is unknown: use '" + FLOAT32
                + "' or '" + INT16 + "'");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new NiftiWriterSettings(ports);
    }

    /** Settings of version 0.1 (a text "folder", "overwrite") in the current form; current settings unchanged. */
    @Override
    protected NodeSettingsRO upgrade(final NodeSettingsRO s) throws InvalidSettingsException {
        if (!s.containsKey(LEGACY_FOLDER) || s.containsKey("output")) {
            return s;
        }
        NiftiWriterSettings now = new NiftiWriterSettings(ports);
        LegacyLocations.toWriter(now.output, s.getString(LEGACY_FOLDER), s.getBoolean(LEGACY_OVERWRITE, false),
            "Output folder");
        return now.carryOver(s, List.of(now.volumeColumn, now.pattern, now.gzip, now.storage));
    }
}
