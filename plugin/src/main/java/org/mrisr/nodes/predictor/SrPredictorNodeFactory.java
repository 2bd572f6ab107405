package org.mrisr.nodes.predictor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** SR Predictor: super-resolves LR volumes with an SRGAN model. */
public final class SrPredictorNodeFactory extends NodeFactory<SrPredictorNodeModel> {
    @Override
    public SrPredictorNodeModel createNodeModel() {
        return new SrPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<SrPredictorNodeModel> createNodeView(final int viewIndex, final SrPredictorNodeModel model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("SR Predictor has one view, asked for view " + viewIndex);
        }
        return new SrPredictorNodeView(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SrPredictorNodeDialog();
    }
}
