package org.mrisr.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mrisr.nodes.testing.NodeTestKit;

/** The learning monitor on a hand-made history: curves, values, the stop button's effect. */
class LearningMonitorTest {
    private static TrainingHistory.Entry entry(final long step, final boolean pre, final double mse, final double d,
        final double val) {
        return new TrainingHistory.Entry(step, 10, 1, 2, pre, d, pre ? Double.NaN : 0.7, mse, mse / 2, mse * 1.5, 1e-5,
            1e-4, step, 10 - step, val);
    }

    @Test
    void showsCurvesAndValuesAndTheStopButtonStopsTraining() throws Exception {
        SrganLearnerNodeModel m = new SrganLearnerNodeFactory().createNodeModel();
        // The view's panel (KNIME builds no NodeView headless), opened as the view does.
        LearningMonitorNodeView.MonitorPanel v = new LearningMonitorNodeView.MonitorPanel(m.history());
        v.refresh();
        v.startPolling();
        assertTrue(v.polling());
        assertEquals("not training", v.valuesLabel().getText());
        assertFalse(v.stopButton().isEnabled());

        m.history().setRunning(true);
        m.history().add(entry(1, true, 0.5, Double.NaN, Double.NaN));
        m.history().add(entry(2, false, 0.1, 0.3, Double.NaN));
        m.history().add(entry(3, false, 0.01, 0.25, 0.02));
        v.refresh();
        assertTrue(v.stopButton().isEnabled());
        String text = v.valuesLabel().getText();
        assertTrue(text.startsWith("epoch 1/2 \u00b7 step 3/10 \u00b7 MSE 0.0100"), text);
        assertTrue(text.contains("val MSE 0.0200") && text.contains("D 0.250"), text);

        LossChart.Series mse = LossChart.SERIES.get(0);
        List<double[]> pts = v.chart().points(mse, 300, 100);
        assertEquals(3, pts.size());
        assertTrue(pts.get(0)[1] < pts.get(2)[1], "falling loss drawn lower (larger y)");
        assertEquals(300, pts.get(2)[0], 1e-9);
        LossChart.Series dLoss = LossChart.SERIES.get(3);
        assertEquals(2, v.chart().points(dLoss, 300, 100).size(), "no D loss while pretraining");

        // the curves survive saving and reopening the workflow (node internals)
        Path dir = NodeTestKit.tmp("mrisr-learner-internals");
        m.saveInternals(dir.toFile(), null);
        SrganLearnerNodeModel reopened = new SrganLearnerNodeFactory().createNodeModel();
        reopened.loadInternals(dir.toFile(), null);
        assertEquals(m.history().snapshot(), reopened.history().snapshot());
        assertTrue(Double.isNaN(reopened.history().snapshot().get(0).dLoss()));

        v.stopButton().doClick();
        assertTrue(m.history().stopRequested());
        assertFalse(v.stopButton().isEnabled());
        v.stopPolling();
        assertFalse(v.polling());
    }
}
