/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The connections of the connector nodes, by the id their file system port spec carries. Nodes get them
 * through {@link org.knime.filehandling.core.port.FileSystemPortObjectSpec#getFileSystemConnection()}.
 */
public final class FSConnectionRegistry {
    private static final FSConnectionRegistry INSTANCE = new FSConnectionRegistry();

    private final Map<String, FSConnection> m_connections = new HashMap<>();

    private FSConnectionRegistry() {
    }

    public static synchronized FSConnectionRegistry getInstance() {
        return INSTANCE;
    }

    /** @throws IllegalArgumentException if another connection is registered under the key */
    public synchronized void register(final String key, final FSConnection connection) {
        if (key == null || connection == null) {
            throw new NullPointerException("key and connection must not be null");
        }
        FSConnection existing = m_connections.get(key);
        if (existing != null) {
            if (!existing.equals(connection)) {
                throw new IllegalArgumentException("Different connection with key: " + key + " already exists");
            }
            return;
        }
        m_connections.put(key, connection);
    }

    /** A new unique key. */
    public String getKey() {
        return UUID.randomUUID().toString();
    }

    /** The connection of the key, wrapped so that the receiving node cannot close it. */
    public synchronized Optional<FSConnection> retrieve(final String key) {
        FSConnection c = m_connections.get(key);
        return c == null ? Optional.empty() : Optional.of(new UncloseableFSConnection(c));
    }

    public synchronized FSConnection deregister(final String key) {
        return m_connections.remove(key);
    }

    synchronized void deregister(final FSConnection fsConnection) {
        m_connections.values().removeIf(fsConnection::equals);
    }

    public synchronized boolean contains(final String key) {
        return m_connections.containsKey(key);
    }
}
