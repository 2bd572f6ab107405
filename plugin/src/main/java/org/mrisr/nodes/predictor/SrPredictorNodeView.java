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

/**
 * LR | SR (| HR when an HR column is chosen) side by side, each an orthogonal slice viewer on the output.
 * The view only frames its {@link ComparisonPanel}, which tests drive headless (KNIME builds no views
 * in a headless JVM: a NodeView creates its window).
 */
final class SrPredictorNodeView extends NodeView<SrPredictorNodeModel> {
    private final ComparisonPanel panel = new ComparisonPanel();

    SrPredictorNodeView(final SrPredictorNodeModel model) {
        super(model);
        setComponent(panel);
    }

    @Override
    protected void modelChanged() {
        panel.show(getNodeModel());
    }

    @Override
    protected void onOpen() {
        panel.show(getNodeModel());
    }

    @Override
    protected void onClose() {
        panel.clear();
    }

    /** The viewers of the predictor's output (a Swing component; needs no display). */
    static final class ComparisonPanel extends JPanel {
        private static final long serialVersionUID = 1L;

        private final transient List<SliceViewerPanel> viewers = new ArrayList<>();

        ComparisonPanel() {
            super(new BorderLayout());
        }

        /** Rebuilds the viewers for the model's current output (empty before execution). */
        void show(final SrPredictorNodeModel m) {
            removeAll();
            viewers.clear();
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
            add(grid, BorderLayout.CENTER);
            revalidate();
        }

        /** Lets go of the shown table. */
        void clear() {
            for (SliceViewerPanel v : viewers) {
                v.setTable(null);
            }
        }

        /** The viewers, LR first (tests). */
        List<SliceViewerPanel> viewers() {
            return List.copyOf(viewers);
        }
    }
}
