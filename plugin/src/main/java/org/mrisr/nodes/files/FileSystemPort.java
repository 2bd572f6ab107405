package org.mrisr.nodes.files;

import java.util.Optional;

import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.knime.filehandling.core.port.FileSystemPortObjectSpec;

/**
 * The optional "File System Connection" input that KNIME's readers and writers offer (the "..." menu of
 * the node): a connector node (Hub space, S3, Azure, SMB, Google Cloud Storage, a local connector...)
 * plugged in there replaces the file systems the dialog offers. Factories add it as their first input
 * group, so a node without it keeps the ports of earlier versions.
 */
public final class FileSystemPort {
    /** The port group's name, as in KNIME's own file nodes. */
    public static final String GROUP = "File System Connection";

    private FileSystemPort() {
    }

    /** The ports the user chose for a node whose factory defines port groups (as every file node's does). */
    public static PortsConfiguration ports(final NodeCreationConfiguration creation) {
        return creation.getPortConfig().orElseThrow(() -> new IllegalStateException("the node defines no port groups"));
    }

    /** The index of the connection among the node's inputs, -1 when the user did not add the port. */
    public static int index(final PortsConfiguration ports) {
        return index(ports, GROUP);
    }

    /** The index of the single port of an input group, -1 when the group has no port. */
    public static int index(final PortsConfiguration ports, final String group) {
        int[] at = ports.getInputPortLocation().get(group);
        return at == null || at.length == 0 ? -1 : at[0];
    }

    /** The connected file system's location spec at configure; empty without the port or its spec. */
    public static Optional<FSLocationSpec> locationSpec(final PortObjectSpec[] specs, final int index) {
        return index >= 0 && specs[index] instanceof FileSystemPortObjectSpec
            ? Optional.of(((FileSystemPortObjectSpec)specs[index]).getFSLocationSpec()) : Optional.empty();
    }

    /** The port's spec at configure, null without the port. */
    public static FileSystemPortObjectSpec spec(final PortObjectSpec[] specs, final int index) {
        return index >= 0 ? (FileSystemPortObjectSpec)specs[index] : null;
    }

    /** The connection at execute; empty without the port (a node never closes it: the connector owns it). */
    public static Optional<FSConnection> connection(final PortObject[] in, final int index) {
        return index < 0 ? Optional.empty() : FileSystemPortObject.getFileSystemConnection(in, index);
    }

    /** The specs of the inputs at execute, so that execute can configure its file chooser again. */
    public static PortObjectSpec[] specs(final PortObject[] in) {
        PortObjectSpec[] specs = new PortObjectSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            specs[i] = in[i] == null ? null : in[i].getSpec();
        }
        return specs;
    }
}
