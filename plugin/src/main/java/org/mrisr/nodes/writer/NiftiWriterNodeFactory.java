package org.mrisr.nodes.writer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** NIfTI Writer: a volume column to .nii/.nii.gz files. */
public final class NiftiWriterNodeFactory extends NodeFactory<NiftiWriterNodeModel> {
    @Override
    public NiftiWriterNodeModel createNodeModel() {
        return new NiftiWriterNodeModel();
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

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NiftiWriterNodeDialog();
    }
}
