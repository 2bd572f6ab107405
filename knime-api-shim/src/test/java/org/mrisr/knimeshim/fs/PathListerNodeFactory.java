package org.mrisr.knimeshim.fs;

import java.util.Optional;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.filehandling.core.port.FileSystemPortObject;

/** A reader-like test node on the file-handling framework: optional file system port, one table out. */
public class PathListerNodeFactory extends ConfigurableNodeFactory<PathListerNodeModel> {
    static final String FS_GROUP = "File System Connection";

    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder b = new PortsConfigurationBuilder();
        b.addOptionalInputPortGroup(FS_GROUP, FileSystemPortObject.TYPE);
        b.addFixedOutputPortGroup("Paths", BufferedDataTable.TYPE);
        return Optional.of(b);
    }

    @Override
    protected PathListerNodeModel createNodeModel(final NodeCreationConfiguration creationConfig) {
        return new PathListerNodeModel(creationConfig.getPortConfig().orElseThrow(IllegalStateException::new));
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig) {
        return new PathListerNodeDialog(creationConfig.getPortConfig().orElseThrow(IllegalStateException::new));
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<PathListerNodeModel> createNodeView(final int viewIndex, final PathListerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
