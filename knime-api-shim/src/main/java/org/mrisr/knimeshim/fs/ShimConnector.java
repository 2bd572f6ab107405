/*
 * SHIM-ONLY (not part of the KNIME API; tests only): what a file system connector node gives the nodes
 * after it: a file system port spec and port object, with the connection registered under the spec's id.
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.nio.file.Path;

import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSConnectionRegistry;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.knime.filehandling.core.port.FileSystemPortObjectSpec;

/**
 * A connector node's output for node tests. As in KNIME, the spec exists once the connector is configured
 * ({@link #configuredSpec()}: its connection is not available yet), the connection once it has executed
 * ({@link #spec()}, {@link #portObject()}). Closing it closes the connection, as resetting the connector does.
 *
 * <pre>
 * try (ShimConnector zip = ShimConnector.zip(tmp.resolve("data.zip"))) {
 *     ShimHeadless.configure(reader, zip.spec());
 *     ShimHeadless.execute(reader, exec, zip.portObject());
 * }
 * </pre>
 */
public final class ShimConnector implements AutoCloseable {
    private final FSConnection m_connection;
    private final String m_id;
    private final FileSystemPortObjectSpec m_spec;

    private ShimConnector(final FSConnection connection, final String fileSystemName) {
        m_connection = connection;
        m_id = FSConnectionRegistry.getInstance().getKey();
        m_spec = new FileSystemPortObjectSpec(fileSystemName, m_id, connection.getFileSystem().getFSLocationSpec());
        FSConnectionRegistry.getInstance().register(m_id, connection);
    }

    /** A connector of the zip file system (see {@link ShimFileSystems#zip(Path)}); closing it writes the zip. */
    public static ShimConnector zip(final Path zipFile) {
        return new ShimConnector(ShimFileSystems.zip(zipFile), ShimFileSystems.ZIP_FS_TYPE.getName());
    }

    /** KNIME's Local File System Connector with a working directory. */
    public static ShimConnector local(final Path workingDir) {
        return new ShimConnector(ShimFileSystems.connectedLocal(workingDir), "Local File System");
    }

    /** The spec of the executed connector (its connection is available). */
    public FileSystemPortObjectSpec spec() {
        return m_spec;
    }

    /** The spec of a configured, not executed connector of the same file system: no connection available. */
    public FileSystemPortObjectSpec configuredSpec() {
        return new FileSystemPortObjectSpec(m_spec.getFileSystemType(), FSConnectionRegistry.getInstance().getKey(),
            m_spec.getFSLocationSpec());
    }

    public FileSystemPortObject portObject() {
        return new FileSystemPortObject(m_spec);
    }

    /** The connector's own connection (closeable, unlike the one nodes get from the port). */
    public FSConnection connection() {
        return m_connection;
    }

    /** Deregisters and closes the connection (a zip file system writes its zip file). */
    @Override
    public void close() throws IOException {
        FSConnectionRegistry.getInstance().deregister(m_id);
        m_connection.close();
    }
}
