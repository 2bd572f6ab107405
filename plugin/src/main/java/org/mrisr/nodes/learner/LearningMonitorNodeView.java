package org.mrisr.nodes.learner;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;

import org.knime.core.node.NodeView;

/**
 * Live learning monitor: loss curves, the latest values and a stop button that ends training after
 * the current step, keeping the model (the node then succeeds with a warning). Polls the model's
 * {@link TrainingHistory} twice a second while open; training never waits for the view. The view only
 * frames its {@link MonitorPanel}, which tests drive headless (KNIME builds no views in a headless JVM:
 * a NodeView creates its window).
 */
final class LearningMonitorNodeView extends NodeView<SrganLearnerNodeModel> {
    private final MonitorPanel panel;

    LearningMonitorNodeView(final SrganLearnerNodeModel model) {
        super(model);
        panel = new MonitorPanel(model.history());
        setComponent(panel);
    }

    @Override
    protected void modelChanged() {
        panel.refresh();
    }

    @Override
    protected void onOpen() {
        panel.refresh();
        panel.startPolling();
    }

    @Override
    protected void onClose() {
        panel.stopPolling();
    }

    /** Chart, values and stop button over a training history (a Swing component; needs no display). */
    static final class MonitorPanel extends JPanel {
        private static final long serialVersionUID = 1L;

        private final transient TrainingHistory history;
        private final LossChart chart = new LossChart();
        private final JLabel values = new JLabel(" ");
        private final JButton stop = new JButton("Stop training (keep model)");
        private final Timer timer = new Timer(500, e -> refresh());

        MonitorPanel(final TrainingHistory history) {
            super(new BorderLayout());
            this.history = history;
            JPanel bottom = new JPanel(new FlowLayout(FlowLayout.LEFT));
            stop.addActionListener(e -> {
                history.requestStop();
                stop.setEnabled(false);
                stop.setText("Stopping after the current step...");
            });
            bottom.add(stop);
            bottom.add(values);
            add(chart, BorderLayout.CENTER);
            add(bottom, BorderLayout.SOUTH);
        }

        /** Reads the history and updates chart, values and button (Swing thread). */
        void refresh() {
            List<TrainingHistory.Entry> entries = history.snapshot();
            chart.setEntries(entries);
            values.setText(entries.isEmpty() ? (history.running() ? "waiting for the first step" : "not training")
                : describe(entries.get(entries.size() - 1)));
            boolean canStop = history.running() && !history.stopRequested();
            stop.setEnabled(canStop);
            if (!history.running()) {
                stop.setText("Stop training (keep model)");
            }
        }

        /** Refreshes twice a second until {@link #stopPolling}. */
        void startPolling() {
            timer.start();
        }

        void stopPolling() {
            timer.stop();
        }

        boolean polling() {
            return timer.isRunning();
        }

        LossChart chart() {
            return chart;
        }

        JButton stopButton() {
            return stop;
        }

        JLabel valuesLabel() {
            return values;
        }
    }

    static String describe(final TrainingHistory.Entry e) {
        String s = String.format(Locale.ROOT, "epoch %d/%d \u00b7 step %d/%d%s \u00b7 MSE %.4g \u00b7 GDL %.4g", e.epoch(),
            e.epochs(), e.step(), e.totalSteps(), e.pretraining() ? " (pretraining)" : "", e.mse(), e.gdl());
        if (!e.pretraining()) {
            s += String.format(Locale.ROOT, " \u00b7 adv %.4g \u00b7 D %.4g", e.adversarial(), e.dLoss());
        }
        if (!Double.isNaN(e.validationMse())) {
            s += String.format(Locale.ROOT, " \u00b7 val MSE %.4g", e.validationMse());
        }
        return s + " \u00b7 ETA " + EpochPlan.duration(e.etaSeconds());
    }
}
