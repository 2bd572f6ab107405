package org.mrisr.nodes.modelreader;

import java.util.Optional;

import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.port.SrganModelPortObject;

/** SRGAN Model Reader: model file (on any file system, optionally a connected one) to model port. */
public final class SrganModelReaderNodeFactory extends ConfigurableNodeFactory<SrganModelReaderNodeModel> {
    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder b = new PortsConfigurationBuilder();
        b.addOptionalInputPortGroup(FileSystemPort.GROUP, FileSystemPortObject.TYPE);
        b.addFixedOutputPortGroup("SRGAN model", SrganModelPortObject.TYPE);
        return Optional.of(b);
    }

    @Override
    protected SrganModelReaderNodeModel createNodeModel(final NodeCreationConfiguration creation) {
        return new SrganModelReaderNodeModel(FileSystemPort.ports(creation));
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creation) {
        return new SrganModelReaderNodeDialog(FileSystemPort.ports(creation));
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SrganModelReaderNodeModel> createNodeView(final int viewIndex, final SrganModelReaderNodeModel model) {
        throw new IndexOutOfBoundsException("SRGAN Model Reader has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
