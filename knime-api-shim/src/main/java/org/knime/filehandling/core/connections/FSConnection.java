/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.io.IOException;

import org.knime.filehandling.core.connections.meta.FSType;

/**
 * A connection to a file system. Closing it closes the file system (and everything opened on it); a
 * connection taken from a file system port cannot be closed by the node that uses it. KNIME's interface
 * has more members (browser, URI exporters); the shim declares the ones nodes use.
 */
public interface FSConnection extends AutoCloseable {
    @Override
    public default void close() throws IOException {
        try {
            getFileSystem().ensureClosed();
        } finally {
            FSConnectionRegistry.getInstance().deregister(this);
        }
    }

    FSFileSystem<?> getFileSystem();

    default boolean supportsBrowsing() {
        return true;
    }

    default FSType getFSType() {
        return getFileSystem().getFSType();
    }
}
