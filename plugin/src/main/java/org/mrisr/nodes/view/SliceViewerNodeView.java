package org.mrisr.nodes.view;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * The orthogonal slice viewer as a node view over the model's output volumes. The view only frames a
 * {@link SliceViewerPanel} on the model's {@link VolumeTableSource#viewTable()}; tests drive the panel
 * headless (KNIME builds no views in a headless JVM: a NodeView creates its window).
 */
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
}
