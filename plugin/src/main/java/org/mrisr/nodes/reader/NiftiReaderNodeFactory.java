package org.mrisr.nodes.reader;

import java.util.Optional;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.view.SliceViewerNodeView;

/**
 * NIfTI Reader: files or folders, or a table of paths, to a table of volumes. Inputs: the optional file
 * system connection (added with the node's "..." menu), then the optional table; without the connection the
 * ports are those of earlier versions, so their workflows stay connected.
 */
public final class NiftiReaderNodeFactory extends ConfigurableNodeFactory<NiftiReaderNodeModel> {
    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder b = new PortsConfigurationBuilder();
        b.addOptionalInputPortGroup(FileSystemPort.GROUP, FileSystemPortObject.TYPE);
        b.addFixedInputPortGroup(NiftiReaderNodeModel.TABLE_GROUP, BufferedDataTable.TYPE_OPTIONAL);
        b.addFixedOutputPortGroup("Volumes", BufferedDataTable.TYPE);
        return Optional.of(b);
    }

    @Override
    protected NiftiReaderNodeModel createNodeModel(final NodeCreationConfiguration creation) {
        return new NiftiReaderNodeModel(FileSystemPort.ports(creation));
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creation) {
        return new NiftiReaderNodeDialog(FileSystemPort.ports(creation));
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<NiftiReaderNodeModel> createNodeView(final int viewIndex, final NiftiReaderNodeModel model) {
        return new SliceViewerNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
