/*
 * SHIM-ONLY (not part of the KNIME API).
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Where the files of a {@link ShimFileSystem} are, and which of them may be accessed how. */
interface Backing {
    /** What a file system operation is about to do with a path (KNIME's workflow-aware checks differ by it). */
    enum Access {
        READ, WRITE, LIST, CREATE_FOLDER, ATTRIBUTES, OTHER
    }

    /**
     * The file an absolute path of the file system denotes, after checking that the access is allowed.
     *
     * @throws IOException (e.g. NoSuchFileException) if the path cannot be accessed that way
     */
    Path file(ShimPath absolute, Access access) throws IOException;

    /** The absolute syntax path of a file (inverse of {@link #file}), for toRealPath. */
    Path syntaxOf(Path file);

    /** The attributes the file system reports for a file (a workflow-aware one reports workflows as "other"). */
    default BasicFileAttributes attributes(final Path file, final BasicFileAttributes fileAttributes) {
        return fileAttributes;
    }

    /** Whether a folder listing shows the path. */
    default boolean listed(final ShimPath absolute) {
        return true;
    }

    /** Releases what the backing holds (e.g. writes and closes a zip file). */
    default void close() throws IOException {
        // nothing to release
    }
}
