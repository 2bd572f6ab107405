package org.mrisr.nodes.patches;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Patch Extractor: HR/LR training patch pairs. */
public final class PatchExtractorNodeFactory extends NodeFactory<PatchExtractorNodeModel> {
    @Override
    public PatchExtractorNodeModel createNodeModel() {
        return new PatchExtractorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<PatchExtractorNodeModel> createNodeView(final int viewIndex, final PatchExtractorNodeModel model) {
        throw new IndexOutOfBoundsException("Patch Extractor has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PatchExtractorNodeDialog();
    }
}
