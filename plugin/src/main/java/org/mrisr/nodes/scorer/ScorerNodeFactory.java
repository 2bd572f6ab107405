package org.mrisr.nodes.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** PSNR/SSIM Scorer: per-row image quality metrics and their summary. */
public final class ScorerNodeFactory extends NodeFactory<ScorerNodeModel> {
    @Override
    public ScorerNodeModel createNodeModel() {
        return new ScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ScorerNodeModel> createNodeView(final int viewIndex, final ScorerNodeModel model) {
        throw new IndexOutOfBoundsException("PSNR/SSIM Scorer has no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ScorerNodeDialog();
    }
}
