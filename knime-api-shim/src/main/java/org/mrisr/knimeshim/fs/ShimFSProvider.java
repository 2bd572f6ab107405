/*
 * SHIM-ONLY (not part of the KNIME API).
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.DirectoryStream.Filter;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.filehandling.core.connections.FSFileSystemProvider;
import org.mrisr.knimeshim.fs.Backing.Access;

/**
 * Provider of one {@link ShimFileSystem}: maps each path to its file (checking access) and does the
 * operation on that file with the file's own provider (local disk or zipfs), so errors are the real ones.
 */
final class ShimFSProvider extends FSFileSystemProvider<ShimPath, ShimFileSystem> {
    private final ShimFileSystem m_fs;

    ShimFSProvider(final ShimFileSystem fs) {
        m_fs = fs;
    }

    private ShimPath check(final Path path) {
        if (!(path instanceof ShimPath) || ((ShimPath)path).getFileSystem() != m_fs) {
            throw new ProviderMismatchException("Path " + path + " is not of file system " + m_fs.getFSLocationSpec());
        }
        m_fs.checkOpen();
        return (ShimPath)path.toAbsolutePath();
    }

    private Path file(final Path path, final Access access) throws IOException {
        return m_fs.backing().file(check(path), access);
    }

    @Override
    public String getScheme() {
        return m_fs.getFileSystemBaseURI().getScheme();
    }

    @Override
    public ShimFileSystem newFileSystem(final URI uri, final Map<String, ?> env) {
        throw new UnsupportedOperationException("KNIME file systems are created by their connections");
    }

    @Override
    public ShimFileSystem getFileSystem(final URI uri) {
        return m_fs;
    }

    @Override
    public ShimPath getPath(final URI uri) {
        return m_fs.getPath(uri.getPath());
    }

    @Override
    public InputStream newInputStream(final Path path, final OpenOption... options) throws IOException {
        return Files.newInputStream(file(path, Access.READ), options);
    }

    @Override
    public OutputStream newOutputStream(final Path path, final OpenOption... options) throws IOException {
        return Files.newOutputStream(file(path, Access.WRITE), options);
    }

    @Override
    public SeekableByteChannel newByteChannel(final Path path, final Set<? extends OpenOption> options,
        final FileAttribute<?>... attrs) throws IOException {
        boolean writes = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        return Files.newByteChannel(file(path, writes ? Access.WRITE : Access.READ), options, attrs);
    }

    /** The folder's entries as paths of this file system (a workflow-aware one hides its reserved items). */
    @Override
    public DirectoryStream<Path> newDirectoryStream(final Path dir, final Filter<? super Path> filter)
        throws IOException {
        ShimPath base = check(dir);
        ShimPath shownDir = (ShimPath)dir;
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(m_fs.backing().file(base, Access.LIST))) {
            for (Path f : files) {
                ShimPath p = (ShimPath)shownDir.resolve(f.getFileName().toString());
                if (m_fs.backing().listed((ShimPath)p.toAbsolutePath()) && filter.accept(p)) {
                    entries.add(p);
                }
            }
        }
        return new DirectoryStream<Path>() {
            @Override
            public Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
                // the entries were read eagerly
            }
        };
    }

    @Override
    public void createDirectory(final Path dir, final FileAttribute<?>... attrs) throws IOException {
        Path parent = check(dir).getParent();
        if (parent != null) {
            m_fs.backing().file((ShimPath)parent, Access.CREATE_FOLDER);
        }
        Files.createDirectory(file(dir, Access.OTHER), attrs);
    }

    @Override
    public void delete(final Path path) throws IOException {
        Files.delete(file(path, Access.OTHER));
    }

    @Override
    public void copy(final Path source, final Path target, final CopyOption... options) throws IOException {
        Files.copy(file(source, Access.READ), file(target, Access.WRITE), options);
    }

    @Override
    public void move(final Path source, final Path target, final CopyOption... options) throws IOException {
        Files.move(file(source, Access.OTHER), file(target, Access.OTHER), options);
    }

    @Override
    public boolean isSameFile(final Path path, final Path path2) throws IOException {
        return path.equals(path2) || Files.isSameFile(file(path, Access.ATTRIBUTES), file(path2, Access.ATTRIBUTES));
    }

    @Override
    public boolean isHidden(final Path path) throws IOException {
        Path f = file(path, Access.ATTRIBUTES);
        // zipfs knows no hidden files; KNIME's file systems treat dot files as hidden
        return f.getFileName() != null && f.getFileName().toString().startsWith(".") || Files.isHidden(f);
    }

    @Override
    public FileStore getFileStore(final Path path) throws IOException {
        return Files.getFileStore(file(path, Access.ATTRIBUTES));
    }

    @Override
    public void checkAccess(final Path path, final AccessMode... modes) throws IOException {
        Path f = file(path, Access.ATTRIBUTES);
        f.getFileSystem().provider().checkAccess(f, modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(final Path path, final Class<V> type,
        final LinkOption... options) {
        try {
            return Files.getFileAttributeView(file(path, Access.ATTRIBUTES), type, options);
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public <A extends BasicFileAttributes> A readAttributes(final Path path, final Class<A> type,
        final LinkOption... options) throws IOException {
        Path f = file(path, Access.ATTRIBUTES);
        A a = Files.readAttributes(f, type, options);
        return type == BasicFileAttributes.class ? (A)m_fs.backing().attributes(f, a) : a;
    }

    @Override
    public Map<String, Object> readAttributes(final Path path, final String attributes, final LinkOption... options)
        throws IOException {
        return Files.readAttributes(file(path, Access.ATTRIBUTES), attributes, options);
    }

    @Override
    public void setAttribute(final Path path, final String attribute, final Object value, final LinkOption... options)
        throws IOException {
        Files.setAttribute(file(path, Access.OTHER), attribute, value, options);
    }
}
