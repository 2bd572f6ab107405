package org.mrisr.nodes.degrade;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.mrisr.nodes.view.SliceViewerNodeView;

/** Degrade: simulated low-resolution volumes from high-resolution ones. */
public final class DegradeNodeFactory extends NodeFactory<DegradeNodeModel> {
    @Override
    public DegradeNodeModel createNodeModel() {
        return new DegradeNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<DegradeNodeModel> createNodeView(final int viewIndex, final DegradeNodeModel model) {
        return new SliceViewerNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DegradeNodeDialog();
    }
}
