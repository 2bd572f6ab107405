package org.mrisr.nodes.thickslice;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Thick-Slice SR (self-supervised): thick-slice scans to isotropic, learned from each scan itself. */
public final class ThickSliceNodeFactory extends NodeFactory<ThickSliceNodeModel> {
    @Override
    public ThickSliceNodeModel createNodeModel() {
        return new ThickSliceNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<ThickSliceNodeModel> createNodeView(final int viewIndex, final ThickSliceNodeModel model) {
        return new ThickSliceNodeView(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ThickSliceNodeDialog();
    }
}
