/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.UUID;

import org.mrisr.knimeshim.ShimChecks;

/** A KNIME NIO file system provider: typed paths plus temporary files and folders. */
public abstract class FSFileSystemProvider<P extends FSPath, F extends FSFileSystem<P>> extends FileSystemProvider {
    @Override
    public abstract F newFileSystem(URI uri, Map<String, ?> env) throws IOException;

    @Override
    public abstract F getFileSystem(URI uri);

    @Override
    public abstract P getPath(URI uri);

    /** A new folder with a random name in the parent. */
    public P createRandomizedDirectory(final P parent, final String prefix, final String suffix) throws IOException {
        P dir = nonExistentPath(parent, prefix, suffix);
        createDirectory(dir);
        return dir;
    }

    /** A new folder that is deleted (with its contents) when the file system closes. */
    public P createTempDirectory(final P parent, final String prefix, final String suffix) throws IOException {
        P dir = createRandomizedDirectory(parent, prefix, suffix);
        dir.getFileSystem().registerCloseable(new Closeable() {
            @Override
            public void close() {
                try {
                    FSFiles.deleteRecursively(dir);
                } catch (IOException e) { // NOSONAR nothing to do
                } finally {
                    dir.getFileSystem().unregisterCloseable(this);
                }
            }
        });
        return dir;
    }

    /** A new empty file that is deleted when the file system closes. */
    public P createTempFile(final P parent, final String prefix, final String suffix) throws IOException {
        P file = nonExistentPath(parent, prefix, suffix);
        Files.createFile(file);
        file.getFileSystem().registerCloseable(new Closeable() {
            @Override
            public void close() {
                try {
                    FSFiles.deleteSafely(file);
                } finally {
                    file.getFileSystem().unregisterCloseable(this);
                }
            }
        });
        return file;
    }

    @SuppressWarnings("unchecked")
    private P nonExistentPath(final P parent, final String prefix, final String suffix) {
        ShimChecks.checkArgumentNotNull(parent, "parent directory must not be null");
        ShimChecks.checkArgumentNotNull(prefix, "prefix must not be null");
        ShimChecks.checkArgumentNotNull(suffix, "suffix must not be null");
        P p;
        do {
            p = (P)parent.resolve(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + suffix);
        } while (Files.exists(p));
        return p;
    }
}
