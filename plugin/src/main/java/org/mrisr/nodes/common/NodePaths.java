package org.mrisr.nodes.common;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;

/**
 * What a user typed into a text field for a file or folder: a plain path, a {@code file:} URL, or a
 * {@code knime://} URL (e.g. {@code knime://knime.workflow/../data/t1.nii.gz}, relative to the workflow, or
 * {@code knime://knime.mountpoint/...}). {@link #resolve} turns it into a local path (fields that are still
 * text, such as the Learner's checkpoint folder); {@link #location} into the file-handling framework's
 * location, which the file nodes use and which converts the text fields of earlier versions.
 */
public final class NodePaths {
    /** KNIME's default timeout of a Custom URL location, in milliseconds (its specifier). */
    private static final String URL_TIMEOUT_MILLIS = "1000";
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

    /**
     * The file-handling framework's location of {@code text}, keeping its meaning: a plain path or a
     * {@code file:} URL is on the Local File System; {@code knime://knime.workflow/data/...} is in the
     * workflow data area (the framework refuses paths into a workflow's own folder otherwise, and {@code
     * data/} is that area); {@code knime://knime.workflow/...}, {@code knime.mountpoint} and {@code knime.space}
     * are relative to the workflow, mountpoint or Hub space; {@code knime://<mount ID>/...} is on that
     * mountpoint; any other URL is a Custom URL (KNIME's default timeout).
     *
     * @param what the field, for messages (e.g. "Location")
     * @throws InvalidSettingsException when the text is empty or not a valid path or URL
     */
    public static FSLocation location(final String what, final String text) throws InvalidSettingsException {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidSettingsException(what + " is empty: enter a path or a knime:// URL");
        }
        if (!isUrl(t)) {
            return new FSLocation(FSCategory.LOCAL, t);
        }
        URI uri;
        try {
            uri = new URI(t.replace(" ", "%20")).normalize();
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException(what + ": '" + t + "' is not a valid URL (" + e.getMessage() + ")", e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            try {
                return new FSLocation(FSCategory.LOCAL, Path.of(uri).toString());
            } catch (IllegalArgumentException e) { // InvalidPathException too
                throw new InvalidSettingsException(what + ": '" + t + "' is not a valid file URL (" + e.getMessage()
                    + "); use file:///absolute/path", e);
            }
        }
        String host = uri.getAuthority();
        if (!scheme.equals("knime") || host == null || uri.getPath() == null) {
            return new FSLocation(FSCategory.CUSTOM_URL, URL_TIMEOUT_MILLIS, t);
        }
        String relative = uri.getPath().replaceFirst("^/+", "");
        if (host.equalsIgnoreCase(RelativeTo.WORKFLOW.getSettingsValue())
            && (relative.equals("data") || relative.startsWith("data/"))) {
            return new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW_DATA.getSettingsValue(),
                orDot(relative.substring("data".length()).replaceFirst("^/+", "")));
        }
        for (RelativeTo r : new RelativeTo[] {RelativeTo.WORKFLOW, RelativeTo.MOUNTPOINT, RelativeTo.SPACE}) {
            if (host.equalsIgnoreCase(r.getSettingsValue())) {
                return new FSLocation(FSCategory.RELATIVE, r.getSettingsValue(), orDot(relative));
            }
        }
        if (host.toLowerCase(Locale.ROOT).startsWith("knime.")) {
            // knime.node and other special hosts have no file system of their own
            return new FSLocation(FSCategory.CUSTOM_URL, URL_TIMEOUT_MILLIS, t);
        }
        return new FSLocation(FSCategory.MOUNTPOINT, host, "/" + relative);
    }

    /** A relative path, "." for the folder itself (an empty path means "not set" to the framework). */
    private static String orDot(final String relative) {
        return relative.isEmpty() ? "." : relative;
    }
}
