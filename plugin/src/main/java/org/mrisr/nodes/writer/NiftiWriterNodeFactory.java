package org.mrisr.nodes.writer;

import java.util.Optional;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.mrisr.nodes.files.FileSystemPort;

/**
 * NIfTI Writer: a volume column to .nii/.nii.gz files on any file system. Inputs: the optional file system
 * connection (the node's "..." menu), then the volume table (the only input of earlier versions).
 */
public final class NiftiWriterNodeFactory extends ConfigurableNodeFactory<NiftiWriterNodeModel> {
    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder b = new PortsConfigurationBuilder();
        b.addOptionalInputPortGroup(FileSystemPort.GROUP, FileSystemPortObject.TYPE);
        b.addFixedInputPortGroup(NiftiWriterNodeModel.TABLE_GROUP, BufferedDataTable.TYPE);
        b.addFixedOutputPortGroup("Written files", BufferedDataTable.TYPE);
        return Optional.of(b);
    }

    @Override
    protected NiftiWriterNodeModel createNodeModel(final NodeCreationConfiguration creation) {
        return new NiftiWriterNodeModel(FileSystemPort.ports(creation));
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creation) {
        return new NiftiWriterNodeDialog(FileSystemPort.ports(creation));
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<NiftiWriterNodeModel> createNodeView(final int viewIndex, final NiftiWriterNodeModel model) {
        throw new IndexOutOfBoundsException("NIfTI Writer has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
