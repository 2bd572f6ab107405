/*
 * SHIM-ONLY (not part of the KNIME API): the shim's KNIME file systems (local, relative-to, mountpoint,
 * custom URL, zip), all one class over different backings.
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.knime.filehandling.core.connections.FSFileSystem;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSLocationSpec;

/**
 * A KNIME file system whose path syntax is that of a "syntax" file system (the default one, or a zip file
 * system) and whose files are where its {@link Backing} says. Every operation fails with
 * ClosedFileSystemException once its connection is closed, as KNIME's file systems do.
 */
final class ShimFileSystem extends FSFileSystem<ShimPath> {
    private final ShimFSProvider m_provider;
    private final FileSystem m_syntax;
    private final Backing m_backing;
    private final Function<FSLocation, String> m_locationToPath;

    /**
     * @param locationToPath the path string of a location (identity except for URLs)
     */
    ShimFileSystem(final URI baseUri, final FSLocationSpec spec, final String workingDir, final FileSystem syntax,
        final Backing backing, final Function<FSLocation, String> locationToPath) {
        super(baseUri, spec, workingDir);
        m_syntax = syntax;
        m_backing = backing;
        m_locationToPath = locationToPath;
        m_provider = new ShimFSProvider(this);
    }

    Backing backing() {
        return m_backing;
    }

    /** @throws ClosedFileSystemException once the connection is closed */
    void checkOpen() {
        if (!isOpen()) {
            throw new ClosedFileSystemException();
        }
    }

    @Override
    public ShimFSProvider provider() {
        return m_provider;
    }

    @Override
    public ShimPath getPath(final String first, final String... more) {
        return new ShimPath(this, m_syntax.getPath(first, more));
    }

    @Override
    public ShimPath getPath(final FSLocation fsLocation) {
        return getPath(m_locationToPath.apply(fsLocation));
    }

    @Override
    protected void ensureClosedInternal() throws IOException {
        m_backing.close();
    }

    ShimPath toRealPath(final ShimPath path, final LinkOption... options) throws IOException {
        Path file = m_backing.file((ShimPath)path.toAbsolutePath(), Backing.Access.ATTRIBUTES);
        return new ShimPath(this, m_backing.syntaxOf(file.toRealPath(options)));
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return m_syntax.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        m_syntax.getRootDirectories().forEach(r -> roots.add(new ShimPath(this, r)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    /** Matches the syntax path, so glob and regex patterns work as on the syntax file system. */
    @Override
    public PathMatcher getPathMatcher(final String syntaxAndPattern) {
        PathMatcher m = m_syntax.getPathMatcher(syntaxAndPattern);
        return p -> p instanceof ShimPath && ((ShimPath)p).getFileSystem() == this && m.matches(((ShimPath)p).syntaxPath());
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("No user principals in KNIME file systems");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("Watching is not supported by KNIME file systems");
    }
}
