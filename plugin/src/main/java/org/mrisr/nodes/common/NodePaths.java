package org.mrisr.nodes.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;

/**
 * Turns what a user typed into a node's file or folder field into a local path: a plain path, a
 * {@code file:} URL, or a {@code knime://} URL (e.g. {@code knime://knime.workflow/../data/t1.nii.gz},
 * relative to the workflow, or {@code knime://knime.mountpoint/...}) resolved by KNIME. Workflows that
 * use workflow-relative URLs keep working when they are moved, shared or run on KNIME Server.
 */
public final class NodePaths {
    /** A URL scheme of two or more characters: "C:\data" is a Windows path, not a URL. */
    private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private NodePaths() {
    }

    /** Whether the text is a URL (knime://, file:) rather than a plain path. */
    public static boolean isUrl(final String text) {
        return URL_LIKE.matcher(text.strip()).matches();
    }

    /**
     * The local path of {@code text}.
     *
     * @param what the field, for messages (e.g. "Output folder")
     * @throws InvalidSettingsException when the text is empty, not a valid path or URL, or a URL that
     *         does not denote a local file (e.g. http://, a remote mount point)
     */
    public static Path resolve(final String what, final String text) throws InvalidSettingsException {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidSettingsException(what + " is empty: enter a path or a knime:// URL");
        }
        if (!isUrl(t)) {
            try {
                return Path.of(t);
            } catch (InvalidPathException e) {
                throw new InvalidSettingsException(what + ": '" + t + "' is not a valid path (" + e.getReason() + ")", e);
            }
        }
        Path p;
        try {
            URL url = FileUtil.toURL(t);
            p = FileUtil.resolveToPath(url);
        } catch (IOException | URISyntaxException | InvalidPathException e) {
            throw new InvalidSettingsException(what + ": cannot resolve '" + t + "': " + e.getMessage()
                + " (use a local path, or knime://knime.workflow/... relative to this workflow)", e);
        }
        if (p == null) {
            throw new InvalidSettingsException(what + ": '" + t + "' is not a local file. mrisr reads and writes local "
                + "files: use a path, a file: URL, or a knime:// URL of a local workflow or mount point");
        }
        return p;
    }
}
