package org.mrisr.nodes.writer;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.common.NodeSettingsGroup;

/** Settings of the NIfTI Writer. */
final class NiftiWriterSettings extends NodeSettingsGroup {
    final SettingsModelString volumeColumn = volumeColumn();
    final SettingsModelString folder = folder();
    final SettingsModelString pattern = pattern();
    final SettingsModelBoolean gzip = gzip();
    final SettingsModelBoolean overwrite = overwrite();
    final SettingsModelString storage = storage();

    static final String FLOAT32 = "float32";
    static final String INT16 = "int16 (scaled)";

    static SettingsModelString volumeColumn() {
        return new SettingsModelString("volume_column", "");
    }

    static SettingsModelString folder() {
        return new SettingsModelString("folder", "");
    }

    /** File name without extension; {rowid} and {column name} are replaced per row. */
    static SettingsModelString pattern() {
        return new SettingsModelString("file_name_pattern", FileNamePattern.ROW_ID);
    }

    static SettingsModelBoolean gzip() {
        return new SettingsModelBoolean("gzip", true);
    }

    static SettingsModelBoolean overwrite() {
        return new SettingsModelBoolean("overwrite", false);
    }

    /** Voxel type on disk: exact float32, or int16 with a slope (half the size, ~1/65535 of the range). */
    static SettingsModelString storage() {
        return new SettingsModelString("voxel_type", FLOAT32);
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(volumeColumn, folder, pattern, gzip, overwrite, storage);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        if (folder.getStringValue().isBlank()) {
            throw new InvalidSettingsException("No output folder given: choose the folder the NIfTI files are written to");
        }
        FileNamePattern.parse(pattern.getStringValue());
        if (!FLOAT32.equals(storage.getStringValue()) && !INT16.equals(storage.getStringValue())) {
            throw new InvalidSettingsException("Voxel type '" + storage.getStringValue() + "' is unknown: use '" + FLOAT32
                + "' or '" + INT16 + "'");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new NiftiWriterSettings();
    }
}
