package org.mrisr.nodes.view;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/** The orthogonal slice viewer as a node view over the model's output volumes. */
public final class SliceViewerNodeView<T extends NodeModel & VolumeTableSource> extends NodeView<T> {
    private final SliceViewerPanel panel = new SliceViewerPanel();

    public SliceViewerNodeView(final T model) {
        super(model);
        setComponent(panel);
    }

    @Override
    protected void modelChanged() {
        panel.setTable(getNodeModel().viewTable());
    }

    @Override
    protected void onOpen() {
        panel.setTable(getNodeModel().viewTable());
    }

    @Override
    protected void onClose() {
        panel.setTable(null);
    }

    /** The viewer component (tests inspect it). */
    public SliceViewerPanel panel() {
        return panel;
    }
}
