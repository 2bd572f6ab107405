package org.mrisr.nodes.files;

import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSPath;

/** Paths of KNIME file systems as messages and tables show them. */
public final class FsPaths {
    private FsPaths() {
    }

    /**
     * The path as a user recognises it: a local file's absolute path, otherwise the path with the file system
     * it is on ("/scans/a.nii (on Amazon S3)"), because the same path names different files on different file
     * systems.
     */
    public static String describe(final FSPath path) {
        return text(path) + where(path);
    }

    /** A local file's absolute path, otherwise the path on its file system (what tables show). */
    public static String text(final FSPath path) {
        return isLocal(path) ? path.toAbsolutePath().toString() : path.toString();
    }

    /** "" for a local path, else " (on the file system's name)": for messages that already name the path. */
    public static String where(final FSPath path) {
        return isLocal(path) ? "" : " (on " + path.getFileSystem().getFSType().getName() + ")";
    }

    /** The file name of the path ("" for a root). */
    public static String fileName(final FSPath path) {
        return path.getFileName() == null ? "" : path.getFileName().toString();
    }

    private static boolean isLocal(final FSPath path) {
        return path.getFileSystem().getFileSystemCategory() == FSCategory.LOCAL;
    }
}
