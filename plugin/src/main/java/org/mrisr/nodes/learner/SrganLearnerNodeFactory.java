package org.mrisr.nodes.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** SRGAN Learner: trains the 3D SRGAN on a patch table; view = live learning monitor. */
public final class SrganLearnerNodeFactory extends NodeFactory<SrganLearnerNodeModel> {
    @Override
    public SrganLearnerNodeModel createNodeModel() {
        return new SrganLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<SrganLearnerNodeModel> createNodeView(final int viewIndex, final SrganLearnerNodeModel model) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("SRGAN Learner has one view, asked for view " + viewIndex);
        }
        return new LearningMonitorNodeView(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SrganLearnerNodeDialog();
    }
}
