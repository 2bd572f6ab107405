/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.port;

import java.util.Optional;

import javax.swing.JComponent;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSConnectionRegistry;

/** A file system connection port object; all it holds is its spec. */
public final class FileSystemPortObject extends AbstractSimplePortObject {
    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(FileSystemPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(FileSystemPortObject.class, true);

    /** Registered at org.knime.core.PortType in KNIME. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<FileSystemPortObject> {
    }

    private FileSystemPortObjectSpec m_spec;

    public FileSystemPortObject() {
        this(null);
    }

    public FileSystemPortObject(final FileSystemPortObjectSpec spec) {
        m_spec = spec;
    }

    @Override
    public String getSummary() {
        return m_spec.getFileSystemType() + ": " + m_spec.getFileSystemId();
    }

    @Override
    public JComponent[] getViews() {
        return null; // NOSONAR as KNIME's
    }

    @Override
    public FileSystemPortObjectSpec getSpec() {
        return m_spec;
    }

    /** The connection, if its connector node is executed. */
    public Optional<FSConnection> getFileSystemConnection() {
        return FSConnectionRegistry.getInstance().retrieve(getSpec().getFileSystemId());
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) {
        // everything is in the spec
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec) {
        if (spec instanceof FileSystemPortObjectSpec) {
            m_spec = (FileSystemPortObjectSpec)spec;
        }
    }

    /** The connection of the port object at index i, if that is a file system port object. */
    public static Optional<FSConnection> getFileSystemConnection(final PortObject[] inData, final int i) {
        return inData != null && inData.length > i && inData[i] instanceof FileSystemPortObject
            ? ((FileSystemPortObject)inData[i]).getFileSystemConnection() : Optional.empty();
    }

    @Override
    public String toString() {
        return "FileSystemPortObject [m_fileSystemType=" + getSpec().getFileSystemType() + ", m_fileSystemId="
            + getSpec().getFileSystemId() + "]";
    }
}
