/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.knime.filehandling.core.connections.meta.FSType;
import org.mrisr.knimeshim.ShimChecks;

/**
 * A KNIME NIO file system: typed paths, a working directory against which relative paths resolve,
 * {@link FSLocation} conversion, and resources (streams, temp files) that are released when the owning
 * connection closes it. {@link #close()} does nothing: only {@link FSConnection#close()} closes a file system.
 */
public abstract class FSFileSystem<T extends FSPath> extends FileSystem {
    private final FSLocationSpec m_fsLocationSpec;
    private final String m_workingDirectory;
    private final Set<Closeable> m_closeables = new HashSet<>();
    private final URI m_fsBaseUri;
    private boolean m_isOpen = true;
    private boolean m_isClosing = false;

    public FSFileSystem(final URI fsBaseUri, final FSLocationSpec fsLocationSpec, final String workingDir) {
        ShimChecks.checkArgument(fsBaseUri.getScheme() != null, "scheme of base URI must not be null");
        m_fsBaseUri = fsBaseUri;
        m_fsLocationSpec = fsLocationSpec;
        m_workingDirectory = workingDir;
    }

    /** Base URI {@code <fs-type>://<random uuid>}. */
    public FSFileSystem(final FSLocationSpec fsLocationSpec, final String workingDir) {
        this(defaultBaseURI(fsLocationSpec.getFSType()), fsLocationSpec, workingDir);
    }

    private static URI defaultBaseURI(final FSType fsType) {
        try {
            return new URI(fsType.getTypeId(), UUID.randomUUID().toString(), null, null);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("FSType is not URI-compatible: " + fsType.getTypeId(), ex);
        }
    }

    public final FSLocationSpec getFSLocationSpec() {
        return m_fsLocationSpec;
    }

    public final FSType getFSType() {
        return m_fsLocationSpec.getFSType();
    }

    public final FSCategory getFileSystemCategory() {
        return m_fsLocationSpec.getFSCategory();
    }

    public final Optional<String> getFileSystemSpecifier() {
        return m_fsLocationSpec.getFileSystemSpecifier();
    }

    @Override
    public synchronized boolean isOpen() {
        return m_isOpen;
    }

    protected synchronized boolean isClosing() {
        return m_isClosing;
    }

    /** Does nothing: a file system is closed by closing its connection. */
    @Override
    public final void close() throws IOException {
        // do nothing
    }

    final synchronized void ensureClosed() throws IOException {
        if (m_isOpen) {
            try {
                m_isClosing = true;
                closeAllCloseables();
            } finally {
                ensureClosedInternal();
                m_isOpen = false;
                m_isClosing = false;
            }
        }
    }

    protected synchronized void closeAllCloseables() {
        for (Closeable c : new ArrayList<>(m_closeables)) {
            try {
                c.close();
            } catch (IOException e) { // NOSONAR nothing to do when closing fails
            }
        }
    }

    /** Releases the file system's own resources; registered closeables are closed already. */
    protected abstract void ensureClosedInternal() throws IOException;

    public synchronized void unregisterCloseable(final Closeable closeable) {
        m_closeables.remove(closeable);
    }

    /** @throws ClosedFileSystemException if the file system is closed (the closeable is closed first) */
    public synchronized void registerCloseable(final Closeable closeable) {
        if (!m_isOpen) {
            try {
                closeable.close();
            } catch (IOException e) { // NOSONAR
            }
            throw new ClosedFileSystemException();
        }
        m_closeables.add(closeable);
    }

    /** The directory relative paths resolve against; fixed for the file system's lifetime. */
    public T getWorkingDirectory() {
        return getPath(m_workingDirectory);
    }

    @SuppressWarnings("unchecked")
    public T getDefaultWorkingDirectory() {
        return (T)getRootDirectories().iterator().next();
    }

    /** @throws IllegalArgumentException if locations of that spec do not belong to this file system */
    public void checkCompatibility(final FSLocationSpec fsLocationSpec) {
        ShimChecks.checkArgument(
            fsLocationSpec.getFileSystemCategory() != null && fsLocationSpec.getFSCategory() == getFileSystemCategory(),
            "%s", String.format("Only FSLocations of type %s are allowed with this file system.", getFileSystemCategory()));
        ShimChecks.checkArgument(getFileSystemSpecifier().equals(fsLocationSpec.getFileSystemSpecifier()), "%s",
            String.format("Only FSLocations with specifier %s are allowed with this file system.", getFileSystemSpecifier()));
    }

    public boolean isCompatible(final FSLocationSpec fsLocationSpec) {
        return fsLocationSpec.getFileSystemCategory() != null && fsLocationSpec.getFSCategory() == getFileSystemCategory()
            && getFileSystemSpecifier().equals(fsLocationSpec.getFileSystemSpecifier());
    }

    /** The path of a location (its path string on this file system). */
    public T getPath(final FSLocation fsLocation) {
        return getPath(fsLocation.getPath());
    }

    public final URI getFileSystemBaseURI() {
        return m_fsBaseUri;
    }

    @Override
    public abstract FSFileSystemProvider<T, ?> provider();

    @Override
    public abstract T getPath(String first, String... more);
}
