package org.mrisr.nodes.thickslice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.thick.Phantoms;
import org.mrisr.engine.viz.SliceImage.Plane;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;

/** The Thick-Slice SR node through the shim on small phantoms: output, refusals, progress, cancel, view. */
class ThickSliceNodeTest {
    static final DataTableSpec SPEC = NodeTestKit.spec("Scan", VolumeCell.TYPE);

    static ThickSliceNodeModel node(final int seed) throws InvalidSettingsException {
        ThickSliceNodeModel m = new ThickSliceNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("volume_column", "Scan");
            s.addInt("steps", 5);
            s.addInt("seed", seed);
            s.addInt("channels", 8);
            s.addInt("depth", 3);
            s.addInt("patch", 16);
            s.addInt("batch", 2);
        });
        return m;
    }

    /** Runs the node, recording progress messages; {@code cancelWhen} cancels at the first message it accepts. */
    static BufferedDataTable run(final ThickSliceNodeModel m, final BufferedDataTable in, final List<String> messages,
        final Predicate<String> cancelWhen) throws Exception {
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor() {
            @Override
            public void setMessage(final String message) {
                super.setMessage(message);
                messages.add(message);
                if (message != null && cancelWhen.test(message)) {
                    setExecuteCanceled();
                }
            }
        };
        return NodeTestKit.run(m, ShimHeadless.executionContext(monitor), in)[0];
    }

    @Test
    void appendsTheRefinedVolumeAndGivesMissingCellsForWhatItCannotRefine() throws Exception {
        Volume thick = Phantoms.thick(24, 30, 1, 2, 3);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("thick", NodeTestKit.cell(thick)),
            NodeTestKit.row("iso", NodeTestKit.cell(Phantoms.ellipsoids(16, 16, 2))),
            NodeTestKit.row("none", DataType.getMissingCell()));
        ThickSliceNodeModel m = node(1);
        List<String> messages = new ArrayList<>();
        BufferedDataTable out = run(m, in, messages, s -> false);
        List<DataRow> rows = NodeTestKit.rows(out);
        assertEquals("Isotropic volume", out.getDataTableSpec().getColumnSpec(1).getName());
        Volume iso = NodeTestKit.volume(rows.get(0), 1);
        Volume fine = Phantoms.ellipsoids(24, 30, 1);
        assertArrayEquals(fine.shape(), iso.shape());
        assertEquals(0, iso.affine().maxAbsDifference(fine.affine()), 1e-12);
        assertTrue(rows.get(1).getCell(1).isMissing());
        assertTrue(rows.get(2).getCell(1).isMissing());
        String warning = ShimHeadless.warningMessage(m);
        assertTrue(warning.contains("1 row(s) gave a missing cell") && warning.contains("iso: already isotropic"), warning);
        assertTrue(messages.stream().anyMatch(s -> s.matches("row 1/3 \u00b7 step 1/5 \u00b7 ETA \\d+m\\d\\ds")), messages.toString());
        assertTrue(messages.stream().anyMatch(s -> s.startsWith("row 1/3 \u00b7 refining 100% \u00b7 ETA")), messages.toString());
    }

    @Test
    void cancelKeepsFinishedRowsForTheNextRun() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(Phantoms.thick(24, 30, 1, 2, 3))),
            NodeTestKit.row("b", NodeTestKit.cell(Phantoms.thick(20, 24, 2, 1, 2))));
        BufferedDataTable whole = run(node(3), in, new ArrayList<>(), s -> false);

        ThickSliceNodeModel m = node(3);
        CanceledExecutionException e = assertThrows(CanceledExecutionException.class,
            () -> run(m, in, new ArrayList<>(), s -> s.startsWith("row 2/2 \u00b7 step 2/")));
        assertTrue(e.getMessage().contains("row 2/2 (b), training step") && e.getMessage().contains("1 finished row(s) are kept"),
            e.getMessage());
        assertEquals(1, m.keptRows());

        List<String> messages = new ArrayList<>();
        BufferedDataTable resumed = run(m, in, messages, s -> false);
        assertFalse(messages.stream().anyMatch(s -> s.startsWith("row 1/2 \u00b7 step")), "row a is not trained again");
        assertTrue(messages.stream().anyMatch(s -> s.startsWith("row 2/2 \u00b7 step 5/5")), messages.toString());
        for (int r = 0; r < 2; r++) {
            Volume expected = NodeTestKit.volume(NodeTestKit.rows(whole).get(r), 1);
            Volume got = NodeTestKit.volume(NodeTestKit.rows(resumed).get(r), 1);
            assertArrayEquals(expected.data(), got.data(), "row " + r);
            assertEquals(expected.affine(), got.affine());
        }
        assertEquals(0, m.keptRows(), "a completed run keeps nothing");

        ThickSliceNodeModel other = node(3);
        assertThrows(CanceledExecutionException.class, () -> run(other, in, new ArrayList<>(), s -> s.startsWith("row 2/2")));
        NodeTestKit.configureSettings(other, s -> s.addInt("seed", 4));
        List<String> changed = new ArrayList<>();
        run(other, in, changed, s -> false);
        assertTrue(changed.stream().anyMatch(s -> s.startsWith("row 1/2 \u00b7 step")), "other settings: row a is trained again");
    }

    @Test
    void viewComparesNearestCubicAndResultThroughTheThickAxis() throws Exception {
        Volume thick = Phantoms.thick(24, 30, 1, 2, 3);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("thick", NodeTestKit.cell(thick)));
        ThickSliceNodeModel m = node(1);
        run(m, in, new ArrayList<>(), s -> false);
        // the view's panel, filled as the view does on open (KNIME builds no NodeView headless)
        ThroughPlaneViewPanel p = new ThroughPlaneViewPanel();
        ThickSliceNodeView.show(p, m);
        assertEquals("thick axis z, factor 3", p.status());
        assertTrue(p.plane() == Plane.CORONAL || p.plane() == Plane.SAGITTAL, "a plane containing z: " + p.plane());
        Volume[] shown = p.shown();
        for (int k = 0; k < 10; k++) {
            assertEquals(thick.get(5, 7, k), shown[0].get(5, 7, 3 * k), 0, "nearest repeats thick slice " + k);
        }
        BufferedImage[] images = p.images();
        for (BufferedImage img : images) {
            assertEquals(24, img.getWidth());
            assertEquals(30, img.getHeight(), "the refined thick axis upright");
        }
        p.slider().setValue(3);
        assertEquals(24, p.images()[2].getWidth());
        p.setTable(null, -1, -1); // what the view does on close
        assertEquals(null, p.shown());
    }

    @Test
    void nonFiniteVoxelsBecomeBackgroundOrAreRefused() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC,
            NodeTestKit.row(NonFiniteNodeCheck.ROW, NodeTestKit.cell(NonFiniteNodeCheck.poisoned(Phantoms.thick(24, 30, 1, 2, 3)))));
        NonFiniteNodeCheck.check(node(2), n -> NonFiniteNodeCheck.column(run((ThickSliceNodeModel)n, in, new ArrayList<>(),
            s -> false), 1));
    }
}
