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
 * {@link TrainingHistory} twice a second while open; training never waits for the view.
 */
final class LearningMonitorNodeView extends NodeView<SrganLearnerNodeModel> {
    private final LossChart chart = new LossChart();
    private final JLabel values = new JLabel(" ");
    private final JButton stop = new JButton("Stop training (keep model)");
    private final Timer timer = new Timer(500, e -> refresh());

    LearningMonitorNodeView(final SrganLearnerNodeModel model) {
        super(model);
        JPanel panel = new JPanel(new BorderLayout());
        JPanel bottom = new JPanel(new FlowLayout(FlowLayout.LEFT));
        stop.addActionListener(e -> {
            getNodeModel().history().requestStop();
            stop.setEnabled(false);
            stop.setText("Stopping after the current step...");
        });
        bottom.add(stop);
        bottom.add(values);
        panel.add(chart, BorderLayout.CENTER);
        panel.add(bottom, BorderLayout.SOUTH);
        setComponent(panel);
    }

    /** Reads the history and updates chart, values and button (Swing thread). */
    void refresh() {
        TrainingHistory h = getNodeModel().history();
        List<TrainingHistory.Entry> entries = h.snapshot();
        chart.setEntries(entries);
        values.setText(entries.isEmpty() ? (h.running() ? "waiting for the first step" : "not training")
            : describe(entries.get(entries.size() - 1)));
        boolean canStop = h.running() && !h.stopRequested();
        stop.setEnabled(canStop);
        if (!h.running()) {
            stop.setText("Stop training (keep model)");
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

    LossChart chart() {
        return chart;
    }

    JButton stopButton() {
        return stop;
    }

    JLabel valuesLabel() {
        return values;
    }

    @Override
    protected void modelChanged() {
        refresh();
    }

    @Override
    protected void onOpen() {
        refresh();
        timer.start();
    }

    @Override
    protected void onClose() {
        timer.stop();
    }
}
