package org.mrisr.nodes.thickslice;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.GridLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.mrisr.engine.thick.ThroughPlane;
import org.mrisr.engine.viz.SliceImage;
import org.mrisr.engine.viz.SliceImage.Plane;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;

/**
 * Input (nearest: each thick slice repeated) | cubic spline | result, side by side on the refined
 * grid, in a plane that contains the thick axis (where the difference shows), with one grey window
 * (the result's) for all three. Pick a row, one of the two through-plane planes and the slice. The
 * thick axis and factor come from the shapes of the input and result. Lightweight Swing only.
 */
final class ThroughPlaneViewPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    static final String[] TITLES = {"input (nearest)", "cubic spline", "thick-slice SR"};

    private final JComboBox<String> rowBox = new JComboBox<>();
    private final JComboBox<Plane> planeBox = new JComboBox<>();
    private final JSlider slider = new JSlider(0, 0, 0);
    private final JLabel status = new JLabel(" ");
    private final Picture[] pictures = new Picture[3];
    private final List<DataRow> rows = new ArrayList<>();
    private int inColumn = -1;
    private int outColumn = -1;
    private transient Volume[] volumes;
    private float[] window;
    private boolean updating;

    ThroughPlaneViewPanel() {
        super(new BorderLayout());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Row:"));
        top.add(rowBox);
        top.add(new JLabel("Plane:"));
        top.add(planeBox);
        top.add(status);
        add(top, BorderLayout.NORTH);
        JPanel grid = new JPanel(new GridLayout(1, 3, 4, 4));
        for (int i = 0; i < 3; i++) {
            pictures[i] = new Picture();
            JPanel cell = new JPanel(new BorderLayout());
            cell.setBorder(BorderFactory.createTitledBorder(TITLES[i]));
            cell.add(pictures[i], BorderLayout.CENTER);
            grid.add(cell);
        }
        add(grid, BorderLayout.CENTER);
        add(slider, BorderLayout.SOUTH);
        rowBox.addActionListener(e -> selectRow());
        planeBox.addActionListener(e -> selectPlane());
        slider.addChangeListener(e -> redraw());
    }

    /** Shows {@code table} (null: empty) with the input and result columns given by index. */
    void setTable(final BufferedDataTable table, final int input, final int result) {
        updating = true;
        rows.clear();
        rowBox.removeAllItems();
        inColumn = input;
        outColumn = result;
        if (table != null && input >= 0 && result >= 0) {
            for (DataRow r : table) {
                rows.add(r);
                rowBox.addItem(r.getKey().getString());
            }
        }
        updating = false;
        selectRow();
    }

    /** The three volumes on the refined grid (nearest, cubic, result), or null. */
    Volume[] shown() {
        return volumes == null ? null : volumes.clone();
    }

    Plane plane() {
        return (Plane)planeBox.getSelectedItem();
    }

    JSlider slider() {
        return slider;
    }

    /** The images shown now (null entries before a row is shown). */
    BufferedImage[] images() {
        BufferedImage[] b = new BufferedImage[3];
        for (int i = 0; i < 3; i++) {
            b[i] = pictures[i].image;
        }
        return b;
    }

    String status() {
        return status.getText();
    }

    private void selectRow() {
        if (updating) {
            return;
        }
        volumes = null;
        int axis = -1;
        int r = rowBox.getSelectedIndex();
        String problem = rows.isEmpty() ? "no data: execute the node" : null;
        if (r >= 0) {
            DataCell in = rows.get(r).getCell(inColumn);
            DataCell out = rows.get(r).getCell(outColumn);
            if (in.isMissing() || out.isMissing()) {
                problem = "no refined volume in this row (see the node's warning)";
            } else {
                Volume thick = ((VolumeValue)in).getVolume();
                Volume iso = ((VolumeValue)out).getVolume();
                axis = thickAxis(thick, iso);
                if (axis < 0) {
                    problem = "the result's shape is not the input's refined along one axis";
                } else {
                    int factor = iso.shape()[axis] / thick.shape()[axis];
                    volumes = new Volume[] {ThroughPlane.nearest(thick, axis, factor), ThroughPlane.cubic(thick, axis, factor), iso};
                    window = SliceImage.window(iso);
                    status.setText("thick axis " + "xyz".charAt(axis) + ", factor " + factor);
                }
            }
        }
        if (volumes == null) {
            status.setText(problem == null ? " " : problem);
        }
        updating = true;
        planeBox.removeAllItems();
        if (volumes != null) {
            for (Plane p : Plane.values()) {
                if (p.fixedAxis() != axis) {
                    planeBox.addItem(p);
                }
            }
        }
        updating = false;
        selectPlane();
    }

    private void selectPlane() {
        if (updating) {
            return;
        }
        updating = true;
        int n = volumes == null || plane() == null ? 1 : SliceImage.sliceCount(volumes[2], plane());
        slider.setMaximum(n - 1);
        slider.setValue(n / 2);
        updating = false;
        redraw();
    }

    private void redraw() {
        if (updating) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            pictures[i].image = volumes == null || plane() == null ? null
                : SliceImage.render(volumes[i], plane(), slider.getValue(), window);
            pictures[i].repaint();
        }
    }

    /** The one axis along which {@code iso} has an integer multiple (≥ 2) of {@code thick}'s size, others equal; else −1. */
    static int thickAxis(final Volume thick, final Volume iso) {
        int axis = -1;
        for (int a = 0; a < 3; a++) {
            int n = thick.shape()[a];
            int m = iso.shape()[a];
            if (m != n) {
                if (axis >= 0 || m % n != 0 || m / n < 2) {
                    return -1;
                }
                axis = a;
            }
        }
        return axis;
    }

    /** An image painted as large as fits, aspect kept. */
    private static final class Picture extends JComponent {
        private static final long serialVersionUID = 1L;
        private transient BufferedImage image;

        Picture() {
            setPreferredSize(new Dimension(256, 256));
        }

        @Override
        protected void paintComponent(final Graphics g) {
            super.paintComponent(g);
            if (image != null) {
                double s = Math.min(getWidth() / (double)image.getWidth(), getHeight() / (double)image.getHeight());
                g.drawImage(image, 0, 0, (int)(image.getWidth() * s), (int)(image.getHeight() * s), null);
            }
        }
    }
}
