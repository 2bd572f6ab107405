package org.mrisr.nodes.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.config.Config;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractSettingsModelFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.nodes.common.NodePaths;

/**
 * Converts the text fields of mrisr 0.1 (a path or URL typed by the user) into the file choosers that
 * replaced them, so workflows saved with 0.1 load with the same meaning (see {@link NodePaths#location}).
 * Each node's settings detect the old keys and call these before loading.
 */
public final class LegacyLocations {
    private LegacyLocations() {
    }

    /**
     * The NIfTI Reader's old "location": a file (recognised by its NIfTI name) becomes the "File" mode, a
     * folder "Files in folder" (with subfolders when {@code recursive}), and several files of one folder
     * separated by ';' become "Files in folder" of that folder with a file name filter for exactly them.
     * Empty text (a reader fed by its path column) leaves the chooser empty.
     *
     * @throws InvalidSettingsException for several paths in different folders, or folders among them: one
     *         file chooser cannot hold them
     */
    public static void toReader(final SettingsModelReaderFileChooser chooser, final String text,
        final boolean recursive) throws InvalidSettingsException {
        List<String> parts = new ArrayList<>();
        for (String p : text.split(";")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        if (parts.size() == 1) {
            FSLocation loc = NodePaths.location("Location", parts.get(0));
            boolean file = looksLikeNiftiFile(loc.getPath());
            chooser.getFilterModeModel().setFilterMode(file ? FilterMode.FILE : FilterMode.FILES_IN_FOLDERS);
            chooser.getFilterModeModel().setIncludeSubfolders(!file && recursive);
            set(chooser, loc, "Location");
            return;
        }
        severalFilesOfOneFolder(chooser, parts);
    }

    private static void severalFilesOfOneFolder(final SettingsModelReaderFileChooser chooser, final List<String> parts)
        throws InvalidSettingsException {
        FSLocation folder = null;
        List<String> names = new ArrayList<>();
        for (String p : parts) {
            FSLocation loc = NodePaths.location("Location", p);
            String path = loc.getPath().replace('\\', '/');
            int slash = path.lastIndexOf('/');
            FSLocation parent = new FSLocation(loc.getFileSystemCategory(), loc.getFileSystemSpecifier().orElse(null),
                slash < 0 ? "." : slash == 0 ? "/" : loc.getPath().substring(0, slash));
            if (!looksLikeNiftiFile(path) || folder != null && !folder.equals(parent)) {
                throw new InvalidSettingsException("Location '" + String.join("; ", parts) + "' (saved by mrisr 0.1) "
                    + "lists folders or files of different folders, which one file chooser cannot hold: choose one "
                    + "file, one folder or the files of one folder in the node dialog, or connect a table whose path "
                    + "column lists them");
            }
            folder = parent;
            names.add(Pattern.quote(path.substring(slash + 1)));
        }
        chooser.getFilterModeModel().setFilterMode(FilterMode.FILES_IN_FOLDERS);
        chooser.getFilterModeModel().setIncludeSubfolders(false);
        set(chooser, folder, "Location");
        // The name filter has no public setter (only the filter dialog sets it): load it as saved settings.
        NodeSettings s = new NodeSettings("legacy");
        chooser.saveSettingsTo(s);
        Config options = s.getNodeSettings(chooser.getKeysForFSLocation()[0]).getNodeSettings("filter_mode")
            .getConfig("filter_options");
        options.addBoolean("filter_files_name", true);
        options.addString("files_name_expression", String.join("|", names));
        options.addString("files_name_filter_type", "REGEX");
        options.addBoolean("files_name_case_sensitive", true);
        chooser.loadSettingsFrom(s);
    }

    /** An old field of one file or folder (Writer, model files): the same location, in the chooser's only mode. */
    public static void toLocation(final AbstractSettingsModelFileChooser<?> chooser, final String text, final String what)
        throws InvalidSettingsException {
        if (!text.isBlank()) {
            set(chooser, NodePaths.location(what, text), what);
        }
    }

    /**
     * An old writer field with its "overwrite" flag: the location, If exists "overwrite" (flag on) or "fail"
     * (off), and missing folders created, as 0.1 did.
     */
    public static void toWriter(final SettingsModelWriterFileChooser chooser, final String text,
        final boolean overwrite, final String what) throws InvalidSettingsException {
        toLocation(chooser, text, what);
        chooser.setFileOverwritePolicy(overwrite ? FileOverwritePolicy.OVERWRITE : FileOverwritePolicy.FAIL);
        chooser.setCreateMissingFolders(true);
    }

    /**
     * Sets the location, refusing one the chooser does not offer (it would silently keep its old one): a
     * URL where only file systems are offered, or any location once a connection port is added.
     */
    private static void set(final AbstractSettingsModelFileChooser<?> chooser, final FSLocation location,
        final String what) throws InvalidSettingsException {
        chooser.setLocation(location);
        if (!location.equals(chooser.getLocation())) {
            throw new InvalidSettingsException(what + " '" + location.getPath() + "' (saved by mrisr 0.1) is a "
                + location.getFSCategory().getLabel() + " location, which this node does not offer here: choose the "
                + "location again in the node dialog");
        }
    }

    /** Whether an old path named a NIfTI file (a name is all the old settings tell; folders had none of these). */
    private static boolean looksLikeNiftiFile(final String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii", ".nii.gz", ".hdr", ".hdr.gz", ".img", ".img.gz"}) {
            if (p.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }
}
