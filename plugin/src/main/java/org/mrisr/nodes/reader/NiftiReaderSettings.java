package org.mrisr.nodes.reader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NodePaths;

/** Settings of the NIfTI Reader. */
final class NiftiReaderSettings extends NodeSettingsGroup {
    final SettingsModelString location = location();
    final SettingsModelIntegerBounded volumeIndex = volumeIndex();
    final SettingsModelBoolean recursive = recursive();
    final SettingsModelBoolean skipBad = skipBad();
    final SettingsModelString pathColumn = pathColumn();

    /** A file, a folder, or several of either separated by ';'. */
    static SettingsModelString location() {
        return new SettingsModelString("location", "");
    }

    /** Which volume of a 4-D file to read (0-based). */
    static SettingsModelIntegerBounded volumeIndex() {
        return new SettingsModelIntegerBounded("volume_index", 0, 0, Integer.MAX_VALUE);
    }

    static SettingsModelBoolean recursive() {
        return new SettingsModelBoolean("recursive", false);
    }

    static SettingsModelBoolean skipBad() {
        return new SettingsModelBoolean("skip_bad_files", false);
    }

    /** With the optional input connected: the string column holding file or folder paths. */
    static SettingsModelString pathColumn() {
        return new SettingsModelString("path_column", "");
    }

    /** The configured paths, in the order given. */
    List<Path> paths() throws InvalidSettingsException {
        List<Path> out = new ArrayList<>();
        for (String p : location.getStringValue().split(";")) {
            if (!p.isBlank()) {
                out.add(NodePaths.resolve("Location", p));
            }
        }
        return out;
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(location, volumeIndex, recursive, skipBad, pathColumn);
    }

    /** Nothing to check across values: whether a location is needed depends on the input (see the model's configure). */
    @Override
    protected void check() throws InvalidSettingsException {
    }

    /** Without the optional input, the location is the only source of files. */
    void checkLocation() throws InvalidSettingsException {
        if (paths().isEmpty()) {
            throw new InvalidSettingsException("No file or folder given: enter a .nii, .nii.gz or .hdr file, a folder "
                + "holding such files, or several paths separated by ';' (or connect a table with a path column)");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new NiftiReaderSettings();
    }
}
