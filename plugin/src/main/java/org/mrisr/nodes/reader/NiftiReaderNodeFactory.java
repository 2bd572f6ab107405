package org.mrisr.nodes.reader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.mrisr.nodes.view.SliceViewerNodeView;

/** NIfTI Reader: files or folders to a table of volumes. */
public final class NiftiReaderNodeFactory extends NodeFactory<NiftiReaderNodeModel> {
    @Override
    public NiftiReaderNodeModel createNodeModel() {
        return new NiftiReaderNodeModel();
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

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NiftiReaderNodeDialog();
    }
}
