/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.port;

import java.util.Optional;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSConnectionRegistry;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.knime.filehandling.core.connections.meta.FSType;

/**
 * Spec of a file system connection port: the file system's name, the id its connection is registered under
 * once the connector node has executed, and its location spec. A configured but not executed connector gives
 * a spec whose connection is not (yet) available.
 */
public final class FileSystemPortObjectSpec extends AbstractSimplePortObjectSpec {
    /** Registered at org.knime.core.PortType in KNIME. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<FileSystemPortObjectSpec> {
    }

    private static final String CFG_FILE_SYSTEM_NAME = "fileSystemName";
    private static final String CFG_FILE_SYSTEM_ID = "fileSystemId";
    private static final String CFG_FS_LOCATION_SPEC = "fsLocationSpec";
    private static final String CFG_FS_CATEGORY = "fs_category";
    private static final String CFG_FS_SPECIFIER = "fs_specifier";

    private String m_fileSystemType;
    private String m_fileSystemId;
    private FSLocationSpec m_fsLocationSpec;

    public FileSystemPortObjectSpec() {
        this(null, null, null);
    }

    public FileSystemPortObjectSpec(final String fileSystemType, final String fileSystemId,
        final FSLocationSpec fsLocationSpec) {
        m_fileSystemType = fileSystemType;
        m_fileSystemId = fileSystemId;
        m_fsLocationSpec = fsLocationSpec;
    }

    public String getFileSystemType() {
        return m_fileSystemType;
    }

    public String getFileSystemId() {
        return m_fileSystemId;
    }

    /** @throws IllegalStateException for a spec saved without location spec (KNIME 4.1) */
    public FSLocationSpec getFSLocationSpec() {
        if (m_fsLocationSpec == null) {
            throw new IllegalStateException("Please reset and reexecute the file system connection node.");
        }
        return m_fsLocationSpec;
    }

    public FSType getFSType() {
        return getFSLocationSpec().getFSType();
    }

    /** The connection, once the connector has executed (the receiving node cannot close it). */
    public Optional<FSConnection> getFileSystemConnection() {
        return FSConnectionRegistry.getInstance().retrieve(getFileSystemId());
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(CFG_FILE_SYSTEM_NAME, m_fileSystemType);
        model.addString(CFG_FILE_SYSTEM_ID, m_fileSystemId);
        if (m_fsLocationSpec != null) {
            ModelContentWO spec = model.addModelContent(CFG_FS_LOCATION_SPEC);
            spec.addString(CFG_FS_CATEGORY, m_fsLocationSpec.getFileSystemCategory());
            spec.addString(CFG_FS_SPECIFIER, m_fsLocationSpec.getFileSystemSpecifier().orElse(null));
        }
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_fileSystemType = model.getString(CFG_FILE_SYSTEM_NAME);
        m_fileSystemId = model.getString(CFG_FILE_SYSTEM_ID);
        if (model.containsKey(CFG_FS_LOCATION_SPEC)) {
            ModelContentRO spec = model.getModelContent(CFG_FS_LOCATION_SPEC);
            m_fsLocationSpec =
                new DefaultFSLocationSpec(spec.getString(CFG_FS_CATEGORY), spec.getString(CFG_FS_SPECIFIER));
        } else {
            m_fsLocationSpec = null;
        }
    }

    /** The connection of the spec at index i, if that is a file system spec whose connector executed. */
    public static Optional<FSConnection> getFileSystemConnection(final PortObjectSpec[] inData, final int i) {
        return inData != null && i >= 0 && inData.length > i && inData[i] instanceof FileSystemPortObjectSpec
            ? ((FileSystemPortObjectSpec)inData[i]).getFileSystemConnection() : Optional.empty();
    }

    /** The file system name of the spec at index i, if that is a file system spec. */
    public static Optional<String> getFileSystemType(final PortObjectSpec[] inData, final int i) {
        return inData != null && i >= 0 && inData.length > i && inData[i] instanceof FileSystemPortObjectSpec
            ? Optional.of(((FileSystemPortObjectSpec)inData[i]).getFileSystemType()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "FileSystemPortObjectSpec [m_fileSystemType=" + m_fileSystemType + ", m_fileSystemId="
            + m_fileSystemId + "]";
    }
}
