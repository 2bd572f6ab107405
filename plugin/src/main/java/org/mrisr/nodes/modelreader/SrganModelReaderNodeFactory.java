package org.mrisr.nodes.modelreader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** SRGAN Model Reader: model file to model port. */
public final class SrganModelReaderNodeFactory extends NodeFactory<SrganModelReaderNodeModel> {
    @Override
    public SrganModelReaderNodeModel createNodeModel() {
        return new SrganModelReaderNodeModel();
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

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SrganModelReaderNodeDialog();
    }
}
