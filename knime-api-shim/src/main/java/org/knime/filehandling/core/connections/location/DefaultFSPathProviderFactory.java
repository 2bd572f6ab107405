/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.location;

import java.io.IOException;

import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;

/** Paths of one connection; closing the factory closes the connection (a port's cannot be closed by nodes). */
final class DefaultFSPathProviderFactory extends FSPathProviderFactory {
    private final FSConnection m_fsConnection;

    DefaultFSPathProviderFactory(final FSConnection fsConnection) {
        m_fsConnection = fsConnection;
    }

    @Override
    public FSPathProvider create(final FSLocation fsLocation) {
        return new ConnectionPathProvider(m_fsConnection, fsLocation, false);
    }

    @Override
    public void close() throws IOException {
        m_fsConnection.close();
    }
}
