package org.mrisr.nodes.learner;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javax.swing.JComponent;

/**
 * Loss curves drawn with Java2D: one polyline per series over the step axis, log10 scale on y
 * (losses span orders of magnitude), NaN points (D loss while pretraining) left out.
 */
final class LossChart extends JComponent {
    private static final long serialVersionUID = 1L;

    /** A curve: name, colour, value per entry. */
    record Series(String name, Color color, ToDoubleFunction<TrainingHistory.Entry> value) {
    }

    static final List<Series> SERIES = List.of(
        new Series("G MSE", new Color(0x1f77b4), TrainingHistory.Entry::mse),
        new Series("G GDL", new Color(0x2ca02c), TrainingHistory.Entry::gdl),
        new Series("G adversarial", new Color(0xff7f0e), TrainingHistory.Entry::adversarial),
        new Series("D loss", new Color(0xd62728), TrainingHistory.Entry::dLoss),
        new Series("Validation MSE", new Color(0x9467bd), TrainingHistory.Entry::validationMse));

    private transient List<TrainingHistory.Entry> entries = List.of();

    LossChart() {
        setPreferredSize(new Dimension(640, 320));
    }

    void setEntries(final List<TrainingHistory.Entry> e) {
        entries = List.copyOf(e);
        repaint();
    }

    /** Points of one series in panel coordinates (tests check what would be drawn). */
    List<double[]> points(final Series s, final int w, final int h) {
        List<double[]> pts = new ArrayList<>();
        if (entries.isEmpty()) {
            return pts;
        }
        double[] range = logRange();
        long maxStep = Math.max(1, entries.get(entries.size() - 1).step());
        for (TrainingHistory.Entry e : entries) {
            double v = s.value().applyAsDouble(e);
            if (!(v > 0) || !Double.isFinite(v)) {
                continue;
            }
            double x = e.step() / (double)maxStep * w;
            double y = h - (Math.log10(v) - range[0]) / Math.max(1e-9, range[1] - range[0]) * h;
            pts.add(new double[] {x, y});
        }
        return pts;
    }

    private double[] logRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrainingHistory.Entry e : entries) {
            for (Series s : SERIES) {
                double v = s.value().applyAsDouble(e);
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return new double[] {Math.floor(lo), Math.ceil(hi) == Math.floor(lo) ? Math.floor(lo) + 1 : Math.ceil(hi)};
    }

    @Override
    protected void paintComponent(final Graphics g0) {
        Graphics2D g = (Graphics2D)g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int left = 50;
            int top = 10;
            int w = Math.max(10, getWidth() - left - 130);
            int h = Math.max(10, getHeight() - top - 30);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setColor(Color.GRAY);
            g.drawRect(left, top, w, h);
            double[] range = logRange();
            g.drawString("1e" + (int)range[1], 5, top + 10);
            g.drawString("1e" + (int)range[0], 5, top + h);
            g.drawString(entries.isEmpty() ? "no steps yet" : "step " + entries.get(entries.size() - 1).step(), left + w - 60,
                top + h + 20);
            g.setStroke(new BasicStroke(1.5f));
            int legendY = top + 12;
            for (Series s : SERIES) {
                List<double[]> pts = points(s, w, h);
                g.setColor(s.color());
                for (int i = 1; i < pts.size(); i++) {
                    g.drawLine(left + (int)pts.get(i - 1)[0], top + (int)pts.get(i - 1)[1], left + (int)pts.get(i)[0],
                        top + (int)pts.get(i)[1]);
                }
                if (pts.size() == 1) {
                    g.fillOval(left + (int)pts.get(0)[0] - 2, top + (int)pts.get(0)[1] - 2, 4, 4);
                }
                g.fillRect(left + w + 10, legendY - 8, 10, 10);
                g.drawString(s.name(), left + w + 25, legendY);
                legendY += 16;
            }
        } finally {
            g.dispose();
        }
    }
}
