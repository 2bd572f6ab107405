package org.mrisr.nodes.thickslice;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeView;

/** Input (nearest) | cubic | result through the thick axis, for the node's last output. */
final class ThickSliceNodeView extends NodeView<ThickSliceNodeModel> {
    private final ThroughPlaneViewPanel panel = new ThroughPlaneViewPanel();

    ThickSliceNodeView(final ThickSliceNodeModel model) {
        super(model);
        setComponent(panel);
    }

    ThroughPlaneViewPanel panel() {
        return panel;
    }

    private void show() {
        show(panel, getNodeModel());
    }

    /** Shows the node's last output in {@code panel} (also what tests drive: KNIME builds no view headless). */
    static void show(final ThroughPlaneViewPanel panel, final ThickSliceNodeModel model) {
        BufferedDataTable t = model.viewTable();
        if (t == null) {
            panel.setTable(null, -1, -1);
            return;
        }
        DataTableSpec spec = t.getDataTableSpec();
        // the result is the last column (its name made unique against the input's)
        panel.setTable(t, spec.findColumnIndex(model.settings().column.getStringValue()), spec.getNumColumns() - 1);
    }

    @Override
    protected void modelChanged() {
        show();
    }

    @Override
    protected void onOpen() {
        show();
    }

    @Override
    protected void onClose() {
        panel.setTable(null, -1, -1);
    }
}
