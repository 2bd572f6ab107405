/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * File helpers for KNIME file systems. Access-denied errors are rephrased to "Unable to access &lt;path&gt;"
 * as KNIME does; other errors pass through.
 */
public final class FSFiles {
    private FSFiles() {
    }

    public static InputStream newInputStream(final Path path, final OpenOption... options) throws IOException {
        try {
            return Files.newInputStream(path, options);
        } catch (AccessDeniedException e) {
            throw accessDenied(path, e);
        }
    }

    public static OutputStream newOutputStream(final Path path, final OpenOption... options) throws IOException {
        try {
            return Files.newOutputStream(path, options);
        } catch (AccessDeniedException e) {
            throw accessDenied(path, e);
        }
    }

    public static Path createDirectories(final Path dir, final FileAttribute<?>... attrs) throws IOException {
        try {
            return Files.createDirectories(dir, attrs);
        } catch (AccessDeniedException e) {
            throw accessDenied(dir, e);
        }
    }

    /** Whether the path exists; false for any I/O problem other than denied access. */
    public static boolean exists(final Path path, final LinkOption... linkOptions) throws AccessDeniedException {
        try {
            Files.readAttributes(path, BasicFileAttributes.class, linkOptions);
            return true;
        } catch (AccessDeniedException e) {
            throw accessDenied(path, e);
        } catch (IOException e) { // NOSONAR no such file, or unreadable: KNIME says "does not exist"
            return false;
        }
    }

    /** Whether the path is a folder; false for any I/O problem other than denied access. */
    public static boolean isDirectory(final Path path, final LinkOption... linkOptions) throws AccessDeniedException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, linkOptions).isDirectory();
        } catch (AccessDeniedException e) {
            throw accessDenied(path, e);
        } catch (IOException e) { // NOSONAR
            return false;
        }
    }

    /** Deletes a file or a folder with its contents; tries everything, then throws the first failure. */
    public static void deleteRecursively(final Path toDelete) throws IOException {
        AtomicReference<IOException> first = new AtomicReference<>();
        Files.walkFileTree(toDelete, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
                delete(file, first);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(final Path file, final IOException exc) {
                first.compareAndSet(null, exc);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException exc) {
                first.compareAndSet(null, exc);
                delete(dir, first);
                return FileVisitResult.CONTINUE;
            }
        });
        if (first.get() != null) {
            throw first.get();
        }
    }

    /** Deletes the file if it exists, ignoring any failure. */
    public static void deleteSafely(final Path toDelete) {
        delete(toDelete, null);
    }

    private static void delete(final Path p, final AtomicReference<IOException> first) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            if (first != null) {
                first.compareAndSet(null, e);
            }
        } catch (RuntimeException e) { // NOSONAR as KNIME: any failure is recorded, none escapes
            if (first != null) {
                first.compareAndSet(null, new IOException(e));
            }
        }
    }

    /** Sorts by the paths' strings. */
    public static void sortPathsLexicographically(final List<FSPath> paths) {
        paths.sort((p1, p2) -> p1.toString().compareTo(p2.toString()));
    }

    private static AccessDeniedException accessDenied(final Path path, final AccessDeniedException cause) {
        AccessDeniedException e = new UnableToAccess(path.toString());
        e.initCause(cause);
        return e;
    }

    /** KNIME's wording of an access-denied error. */
    private static final class UnableToAccess extends AccessDeniedException {
        private static final long serialVersionUID = 1L;

        UnableToAccess(final String file) {
            super(file, null, "Unable to access");
        }

        @Override
        public String getMessage() {
            return getReason() + " " + getFile();
        }
    }
}
