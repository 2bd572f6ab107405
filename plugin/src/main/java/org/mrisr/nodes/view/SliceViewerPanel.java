package org.mrisr.nodes.view;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.GridLayout;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.mrisr.engine.viz.SliceImage;
import org.mrisr.engine.viz.SliceImage.Plane;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;

/**
 * Orthogonal slice viewer: pick a row and a volume column, then scroll axial, coronal and sagittal
 * slices with one slider each. Only lightweight Swing components (no windows), so it can be built
 * headless; voxels are read when a volume is chosen, never on the node's execute path.
 */
public final class SliceViewerPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final int PANEL = 256;

    private final JComboBox<String> rowBox = new JComboBox<>();
    private final JComboBox<String> columnBox = new JComboBox<>();
    private final JLabel status = new JLabel(" ");
    private final JLabel[] images = new JLabel[3];
    private final JSlider[] sliders = new JSlider[3];
    private final List<DataRow> rows = new ArrayList<>();
    private final List<Integer> columns = new ArrayList<>();
    private transient Volume volume;
    private float[] window;
    private boolean updating;

    public SliceViewerPanel() {
        super(new BorderLayout());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Row:"));
        top.add(rowBox);
        top.add(new JLabel("Column:"));
        top.add(columnBox);
        top.add(status);
        add(top, BorderLayout.NORTH);
        JPanel planes = new JPanel(new GridLayout(1, 3, 4, 4));
        Plane[] p = Plane.values();
        for (int i = 0; i < 3; i++) {
            final int k = i;
            images[i] = new JLabel();
            images[i].setPreferredSize(new Dimension(PANEL, PANEL));
            sliders[i] = new JSlider(0, 0, 0);
            sliders[i].addChangeListener(e -> redraw(k));
            JPanel cell = new JPanel(new BorderLayout());
            cell.setBorder(BorderFactory.createTitledBorder(p[i].name().charAt(0) + p[i].name().substring(1).toLowerCase()));
            cell.add(images[i], BorderLayout.CENTER);
            cell.add(sliders[i], BorderLayout.SOUTH);
            planes.add(cell);
        }
        add(planes, BorderLayout.CENTER);
        rowBox.addActionListener(e -> select());
        columnBox.addActionListener(e -> select());
    }

    /** Shows the volumes of {@code table} (null: empty viewer). */
    public void setTable(final BufferedDataTable table) {
        updating = true;
        rows.clear();
        columns.clear();
        rowBox.removeAllItems();
        columnBox.removeAllItems();
        volume = null;
        if (table != null) {
            DataTableSpec spec = table.getDataTableSpec();
            for (int c = 0; c < spec.getNumColumns(); c++) {
                DataColumnSpec cs = spec.getColumnSpec(c);
                if (cs.getType().isCompatible(VolumeValue.class)) {
                    columns.add(c);
                    columnBox.addItem(cs.getName());
                }
            }
            for (DataRow r : table) {
                rows.add(r);
                rowBox.addItem(r.getKey().getString());
            }
        }
        updating = false;
        select();
    }

    /** Shows the volume column {@code name} (ignored when the table has no such volume column). */
    public void showColumn(final String name) {
        for (int i = 0; i < columnBox.getItemCount(); i++) {
            if (columnBox.getItemAt(i).equals(name)) {
                columnBox.setSelectedIndex(i);
                return;
            }
        }
    }

    /** The volume currently shown, or null. */
    public Volume shownVolume() {
        return volume;
    }

    /** The slider of a plane (for tests and keyboard users). */
    public JSlider slider(final Plane p) {
        return sliders[p.ordinal()];
    }

    /** The image currently shown for a plane, or null. */
    public BufferedImage image(final Plane p) {
        ImageIcon icon = (ImageIcon)images[p.ordinal()].getIcon();
        return icon == null ? null : (BufferedImage)icon.getImage();
    }

    private void select() {
        if (updating) {
            return;
        }
        int r = rowBox.getSelectedIndex();
        int c = columnBox.getSelectedIndex();
        volume = null;
        if (r >= 0 && c >= 0) {
            DataCell cell = rows.get(r).getCell(columns.get(c));
            if (!cell.isMissing()) {
                volume = ((VolumeValue)cell).getVolume();
            }
        }
        status.setText(volume == null ? (rows.isEmpty() ? "no data: execute the node" : "missing volume")
            : cellText(rows.get(r).getCell(columns.get(c))));
        window = volume == null ? null : SliceImage.window(volume);
        updating = true;
        Plane[] p = Plane.values();
        for (int i = 0; i < 3; i++) {
            int n = volume == null ? 1 : SliceImage.sliceCount(volume, p[i]);
            sliders[i].setMaximum(n - 1);
            sliders[i].setValue(n / 2);
        }
        updating = false;
        for (int i = 0; i < 3; i++) {
            redraw(i);
        }
    }

    private static String cellText(final DataCell c) {
        return c.toString();
    }

    private void redraw(final int i) {
        if (updating) {
            return;
        }
        if (volume == null) {
            images[i].setIcon(null);
            return;
        }
        BufferedImage img = SliceImage.render(volume, Plane.values()[i], sliders[i].getValue(), window);
        images[i].setIcon(new ScaledIcon(img));
    }

    /** Keeps the original image for {@link #image} while painting it scaled to the panel. */
    private static final class ScaledIcon extends ImageIcon {
        private static final long serialVersionUID = 1L;

        ScaledIcon(final BufferedImage img) {
            super(img);
        }

        @Override
        public synchronized void paintIcon(final Component c, final Graphics g, final int x, final int y) {
            Image img = getImage();
            int w = img.getWidth(null);
            int h = img.getHeight(null);
            double s = Math.min(c.getWidth() / (double)Math.max(1, w), c.getHeight() / (double)Math.max(1, h));
            g.drawImage(img, 0, 0, (int)(w * s), (int)(h * s), null);
        }
    }
}
