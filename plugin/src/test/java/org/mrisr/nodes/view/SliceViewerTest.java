package org.mrisr.nodes.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.mrisr.engine.viz.SliceImage;
import org.mrisr.engine.viz.SliceImage.Plane;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;

class SliceViewerTest {
    @Test
    void slicesShowTheRightPlanesWithTheSecondAxisUp() {
        // Voxel value = x + 10 y + 100 z, so every pixel says where it came from.
        int nx = 5;
        int ny = 4;
        int nz = 3;
        float[] d = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    d[x + nx * (y + ny * z)] = x + 10 * y + 100 * z;
                }
            }
        }
        Volume v = new Volume(nx, ny, nz, d, Affine.identity());
        float[] w = {0, 255};
        BufferedImage axial = SliceImage.render(v, Plane.AXIAL, 2, w);
        assertEquals(nx, axial.getWidth());
        assertEquals(ny, axial.getHeight());
        assertEquals(3 + 10 * 1 + 200, axial.getRaster().getSample(3, ny - 1 - 1, 0));
        BufferedImage coronal = SliceImage.render(v, Plane.CORONAL, 1, w);
        assertEquals(nz, coronal.getHeight());
        assertEquals(4 + 10 + 100, coronal.getRaster().getSample(4, nz - 1 - 1, 0));
        BufferedImage sagittal = SliceImage.render(v, Plane.SAGITTAL, 0, w);
        assertEquals(ny, sagittal.getWidth());
        assertEquals(0 + 10 * 3 + 100 * 2, sagittal.getRaster().getSample(3, 0, 0), "top row is the last z");
        assertEquals(255, SliceImage.render(v, Plane.AXIAL, 2, new float[] {0, 100}).getRaster().getSample(0, 0, 0), "clipped");
        assertThrows(IllegalArgumentException.class, () -> SliceImage.render(v, Plane.AXIAL, 3, w));
    }

    @Test
    void panelShowsTheChosenVolumeAndFollowsTheSliders() {
        Volume a = NodeTestKit.ch2betCrop(20);
        Volume b = NodeTestKit.ch2betCrop(10);
        DataTableSpec spec = NodeTestKit.spec("HR", VolumeCell.TYPE, "Name", StringCell.TYPE, "LR", VolumeCell.TYPE);
        BufferedDataTable t = NodeTestKit.table(spec,
            NodeTestKit.row("r1", NodeTestKit.cell(a), new StringCell("x"), NodeTestKit.cell(b)));
        SliceViewerPanel p = new SliceViewerPanel();
        p.setTable(t);
        assertArrayEquals(a.data(), p.shownVolume().data(), "first row, first volume column");
        assertEquals(19, p.slider(Plane.AXIAL).getMaximum());
        assertEquals(10, p.slider(Plane.AXIAL).getValue(), "starts in the middle");
        BufferedImage before = p.image(Plane.AXIAL);
        assertEquals(20, before.getWidth());
        p.slider(Plane.AXIAL).setValue(3);
        BufferedImage after = p.image(Plane.AXIAL);
        float[] win = SliceImage.window(a);
        assertArrayEquals(pixels(SliceImage.render(a, Plane.AXIAL, 3, win)), pixels(after));
        assertNotEquals(java.util.Arrays.toString(pixels(before)), java.util.Arrays.toString(pixels(after)));
        p.setTable(null);
        assertNull(p.shownVolume());
        assertNull(p.image(Plane.CORONAL));
        if (!GraphicsEnvironment.isHeadless()) {
            // With a display the panel can also be laid out; the assertions above hold either way.
            p.doLayout();
        }
    }

    private static int[] pixels(final BufferedImage img) {
        return img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (int[])null);
    }
}
