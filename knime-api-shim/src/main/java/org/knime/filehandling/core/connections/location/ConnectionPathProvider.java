/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.location;

import java.io.IOException;

import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;

/** A location on a connection; closing closes the connection only when the provider owns it (KNIME: inline classes). */
final class ConnectionPathProvider implements FSPathProvider {
    private final FSConnection m_connection;
    private final FSLocation m_location;
    private final boolean m_ownsConnection;

    ConnectionPathProvider(final FSConnection connection, final FSLocation location, final boolean ownsConnection) {
        m_connection = connection;
        m_location = location;
        m_ownsConnection = ownsConnection;
    }

    @Override
    public FSPath getPath() {
        return m_connection.getFileSystem().getPath(m_location);
    }

    @Override
    public FSConnection getFSConnection() {
        return m_connection;
    }

    @Override
    public void close() throws IOException {
        if (m_ownsConnection) {
            m_connection.close();
        }
    }
}
