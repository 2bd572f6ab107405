/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.location;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.knime.core.node.NodeLogger;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;

/**
 * Path provider factories for the locations of a "Path" column, which may be on several file systems: with a
 * file system port every location is resolved on the port's file system; without, one factory per file system
 * (category and specifier), created on first use and closed by {@link #close()}.
 */
public final class MultiFSPathProviderFactory implements AutoCloseable {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(MultiFSPathProviderFactory.class);

    private final Map<DefaultFSLocationSpec, FSPathProviderFactory> m_factories = new HashMap<>();
    private final FSPathProviderFactory m_connectedFactory;

    /** @param fsConnection the connection of the node's file system port, or null */
    public MultiFSPathProviderFactory(final FSConnection fsConnection) {
        m_connectedFactory = fsConnection == null ? null
            : FSPathProviderFactory.newFactory(Optional.of(fsConnection), new DefaultFSLocationSpec(FSCategory.CONNECTED));
    }

    public MultiFSPathProviderFactory() {
        this(null);
    }

    /**
     * The factory for the location's file system.
     *
     * @throws IllegalArgumentException for a CONNECTED location without a file system port
     */
    public FSPathProviderFactory getOrCreateFSPathProviderFactory(final FSLocation fsLocation) {
        if (m_connectedFactory != null) {
            return m_connectedFactory;
        }
        if (fsLocation.getFSCategory() == FSCategory.CONNECTED) {
            throw new IllegalArgumentException(String.format(
                "The path '%s' references a connected file system (%s). Please add the missing file system connection "
                    + "port.",
                fsLocation.getPath(), fsLocation.getFileSystemSpecifier().orElse("")));
        }
        DefaultFSLocationSpec spec =
            new DefaultFSLocationSpec(fsLocation.getFSCategory(), fsLocation.getFileSystemSpecifier().orElse(null));
        return m_factories.computeIfAbsent(spec, s -> FSPathProviderFactory.newFactory(Optional.empty(), s));
    }

    /** Closes every factory (and so the convenience connections); failures are logged, as in KNIME. */
    @Override
    public void close() {
        try {
            if (m_connectedFactory != null) {
                m_connectedFactory.close();
            }
            for (FSPathProviderFactory f : m_factories.values()) {
                f.close();
            }
        } catch (IOException e) {
            LOGGER.debug("Unable to close fs path provider factory.", e);
        }
    }
}
