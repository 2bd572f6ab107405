package org.mrisr.nodes.predictor;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JPanel;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeView;
import org.mrisr.nodes.view.SliceViewerPanel;

/** LR | SR (| HR when an HR column is chosen) side by side, each an orthogonal slice viewer on the output. */
final class SrPredictorNodeView extends NodeView<SrPredictorNodeModel> {
    private final JPanel panel = new JPanel(new BorderLayout());
    private final List<SliceViewerPanel> viewers = new ArrayList<>();

    SrPredictorNodeView(final SrPredictorNodeModel model) {
        super(model);
        setComponent(panel);
    }

    /** Rebuilds the viewers for the model's current output (empty before execution). */
    private void rebuild() {
        panel.removeAll();
        viewers.clear();
        SrPredictorNodeModel m = getNodeModel();
        BufferedDataTable t = m.viewTable();
        List<String> columns = new ArrayList<>();
        columns.add(m.settings().lrColumn.getStringValue());
        // the SR column is the last one (made unique against the input's names)
        columns.add(t == null ? m.settings().outColumn.getStringValue()
            : t.getDataTableSpec().getColumnSpec(t.getDataTableSpec().getNumColumns() - 1).getName());
        if (!m.settings().hrColumn.getStringValue().isBlank()) {
            columns.add(m.settings().hrColumn.getStringValue());
        }
        String[] titles = {"LR", "SR", "HR"};
        JPanel grid = new JPanel(new GridLayout(1, columns.size(), 6, 6));
        for (int i = 0; i < columns.size(); i++) {
            SliceViewerPanel v = new SliceViewerPanel();
            v.setTable(t);
            v.showColumn(columns.get(i));
            v.setBorder(BorderFactory.createTitledBorder(titles[i] + ": " + columns.get(i)));
            viewers.add(v);
            grid.add(v);
        }
        panel.add(grid, BorderLayout.CENTER);
        panel.revalidate();
    }

    /** The viewers, LR first (tests). */
    List<SliceViewerPanel> viewers() {
        return List.copyOf(viewers);
    }

    @Override
    protected void modelChanged() {
        rebuild();
    }

    @Override
    protected void onOpen() {
        rebuild();
    }

    @Override
    protected void onClose() {
        for (SliceViewerPanel v : viewers) {
            v.setTable(null);
        }
    }
}
