/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.util;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.mrisr.knimeshim.ShimWorkflowContext;

/**
 * File and URL helpers. The shim resolves "file" URLs and local paths like KNIME does, and "knime"
 * URLs against the workflow set with {@link ShimWorkflowContext} (knime.workflow, knime.mountpoint and
 * the local mount ID; remote mount points resolve to null; anything else fails).
 */
public final class FileUtil {
    private FileUtil() {
    }

    /**
     * The string as a URL: a URL as it is (spaces encoded), otherwise a local path made absolute and
     * turned into a file URL. knime:// URLs get the shim's handler for the "knime" protocol.
     *
     * @param path a URL or a file system path
     * @return the URL
     * @throws MalformedURLException if the string is neither a URL nor a proper file system path
     * @throws InvalidPathException if the string looks like a file system path but is not a valid one
     */
    public static URL toURL(final String path) throws MalformedURLException, InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException("", "Empty path");
        }
        String spec = path.replace(" ", "%20"); // as in KNIME: spaces in a URL string are a fallback only
        if (spec.regionMatches(true, 0, "knime:", 0, 6)) {
            return ShimWorkflowContext.knimeUrl(spec);
        }
        try {
            return new URL(spec);
        } catch (MalformedURLException ex) {
            return Paths.get(path).toAbsolutePath().toUri().toURL();
        }
    }

    /**
     * The local path a URL denotes ("file" URLs, and "knime" URLs that resolve to local files), or null
     * if it does not denote a local file (e.g. http, or a remote mount point).
     *
     * @param url any URL
     * @return the path or null
     * @throws IOException if resolving the URL fails (e.g. an unknown mount point, no workflow context)
     * @throws URISyntaxException if the URL is not a valid URI
     */
    public static Path resolveToPath(final URL url) throws IOException, URISyntaxException {
        if ("file".equalsIgnoreCase(url.getProtocol())) {
            if (url.getPath().contains(" ")) {
                // a non-encoded file URL
                return Paths.get(new URL(url.toString().replace(" ", "%20")).toURI());
            }
            return Paths.get(url.toURI());
        }
        if (ShimWorkflowContext.isKnimeUrl(url)) {
            url.toURI(); // same syntax check as for any other URL
            return ShimWorkflowContext.resolve(url);
        }
        return null;
    }

    /**
     * The file of a "file" or "knime" URL; null for a knime URL that does not denote a local file.
     *
     * @param fileUrl a URL with the "file" or "knime" protocol
     * @return the file or null
     * @throws IllegalArgumentException if the protocol is neither "file" nor "knime", or resolving a
     *             knime URL fails
     */
    public static File getFileFromURL(final URL fileUrl) {
        if ("file".equalsIgnoreCase(fileUrl.getProtocol())) {
            File file = new File(fileUrl.getPath());
            if (!file.exists()) {
                try {
                    URI uri = fileUrl.toURI();
                    return new File(uri.getPath() != null ? uri.getPath() : fileUrl.getPath());
                } catch (URISyntaxException e) {
                    return file; // not encoded after all: keep the path as given
                }
            }
            return file;
        } else if (ShimWorkflowContext.isKnimeUrl(fileUrl)) {
            try {
                Path p = ShimWorkflowContext.resolve(fileUrl);
                return p == null ? null : p.toFile();
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("Not a file or knime URL: '" + fileUrl + "'");
        }
    }
}
