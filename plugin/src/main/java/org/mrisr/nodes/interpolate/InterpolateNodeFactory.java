package org.mrisr.nodes.interpolate;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.mrisr.nodes.view.SliceViewerNodeView;

/** Interpolate: nearest/linear/cubic-spline upsampling, the super-resolution baseline. */
public final class InterpolateNodeFactory extends NodeFactory<InterpolateNodeModel> {
    @Override
    public InterpolateNodeModel createNodeModel() {
        return new InterpolateNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<InterpolateNodeModel> createNodeView(final int viewIndex, final InterpolateNodeModel model) {
        return new SliceViewerNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new InterpolateNodeDialog();
    }
}
