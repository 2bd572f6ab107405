/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

/** A registered connection as handed to the nodes that use it: closing it does nothing. */
final class UncloseableFSConnection implements FSConnection {
    private final FSConnection m_wrapped;

    UncloseableFSConnection(final FSConnection wrapped) {
        m_wrapped = wrapped;
    }

    @Override
    public void close() {
        // only the connector node that created the connection may close it
    }

    @Override
    public FSFileSystem<?> getFileSystem() {
        return m_wrapped.getFileSystem();
    }

    @Override
    public boolean supportsBrowsing() {
        return m_wrapped.supportsBrowsing();
    }
}
