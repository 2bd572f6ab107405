package org.mrisr.nodes.modelwriter;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** SRGAN Model Writer: model port to model file. */
public final class SrganModelWriterNodeFactory extends NodeFactory<SrganModelWriterNodeModel> {
    @Override
    public SrganModelWriterNodeModel createNodeModel() {
        return new SrganModelWriterNodeModel();
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

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SrganModelWriterNodeDialog();
    }
}
