/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.location;

import java.io.IOException;
import java.util.Optional;

import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.mrisr.knimeshim.fs.ShimFileSystems;

/**
 * Maps locations of one file system to paths: the connection of a file system port for CONNECTED locations,
 * else a new convenience connection, which {@link #close()} closes (Custom URLs get one connection per path,
 * closed with the path's provider).
 */
public abstract class FSPathProviderFactory implements AutoCloseable {
    public FSPathProviderFactory() {
    }

    public abstract FSPathProvider create(FSLocation fsLocation);

    @Override
    public abstract void close() throws IOException;

    /**
     * A factory for locations of the spec's file system.
     *
     * @throws IllegalArgumentException for a CONNECTED spec without a connection, a RELATIVE or MOUNTPOINT spec
     *             without specifier, or the null location spec
     */
    public static FSPathProviderFactory newFactory(final Optional<FSConnection> portObjectConnection,
        final FSLocationSpec fsLocationSpec) { // NOSONAR as KNIME's
        if (fsLocationSpec.getFileSystemCategory() == null) {
            throw new IllegalArgumentException("Cannot create FSPathProviderFactory for NULL FSLocation.");
        }
        FSCategory category = FSCategory.valueOf(fsLocationSpec.getFileSystemCategory());
        switch (category) {
            case CUSTOM_URL:
                return new URLFSPathProviderFactory();
            case CONNECTED:
                return new DefaultFSPathProviderFactory(portObjectConnection.orElseThrow(() -> new IllegalArgumentException(
                    "No FSConnection was provided although FSLocationSpec indicates a CONNECTED_FS")));
            case RELATIVE:
                fsLocationSpec.getFileSystemSpecifier()
                    .orElseThrow(() -> new IllegalArgumentException("Invalid FSLocation for 'Relative to'."));
                break;
            case MOUNTPOINT:
                fsLocationSpec.getFileSystemSpecifier().orElseThrow(() -> new IllegalArgumentException(
                    "Invalid FSLocation for 'Mountpoint'. It must specify the name of the mountpoint."));
                break;
            default:
                // LOCAL and HUB_SPACE: the location's file system
        }
        return new DefaultFSPathProviderFactory(ShimFileSystems.forLocation(new FSLocation(
            fsLocationSpec.getFileSystemCategory(), fsLocationSpec.getFileSystemSpecifier().orElse(null), "")));
    }
}
