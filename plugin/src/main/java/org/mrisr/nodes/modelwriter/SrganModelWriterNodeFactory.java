package org.mrisr.nodes.modelwriter;

import java.util.Optional;

import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.port.SrganModelPortObject;

/** SRGAN Model Writer: model port to model file (on any file system, optionally a connected one). */
public final class SrganModelWriterNodeFactory extends ConfigurableNodeFactory<SrganModelWriterNodeModel> {
    /** The port group of the model to write. */
    static final String MODEL_GROUP = "SRGAN model";

    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder b = new PortsConfigurationBuilder();
        b.addOptionalInputPortGroup(FileSystemPort.GROUP, FileSystemPortObject.TYPE);
        b.addFixedInputPortGroup(MODEL_GROUP, SrganModelPortObject.TYPE);
        return Optional.of(b);
    }

    @Override
    protected SrganModelWriterNodeModel createNodeModel(final NodeCreationConfiguration creation) {
        return new SrganModelWriterNodeModel(FileSystemPort.ports(creation));
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creation) {
        return new SrganModelWriterNodeDialog(FileSystemPort.ports(creation));
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SrganModelWriterNodeModel> createNodeView(final int viewIndex, final SrganModelWriterNodeModel model) {
        throw new IndexOutOfBoundsException("SRGAN Model Writer has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
