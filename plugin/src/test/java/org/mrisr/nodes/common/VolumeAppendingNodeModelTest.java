package org.mrisr.nodes.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimNodePersistence;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;

/** The base of the volume-appending nodes, through a tiny node built on it ({@link ScaleNode}). */
class VolumeAppendingNodeModelTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("Name", StringCell.TYPE, "In", VolumeCell.TYPE);

    /** Records every progress message and the progress value at the time. */
    private static final class Recorder extends DefaultNodeProgressMonitor {
        final List<String> events = new ArrayList<>();
        /** Cancel as soon as this message is shown (null: never). */
        private final String cancelAt;

        Recorder(final String cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public synchronized void setProgress(final double progress, final String message) {
            super.setProgress(progress, message);
            record();
        }

        @Override
        public synchronized void setMessage(final String message) {
            super.setMessage(message);
            record();
        }

        private void record() {
            events.add(String.format("%.3f %s", getProgress() == null ? -1 : getProgress(), getMessage()));
            if (getMessage() != null && getMessage().equals(cancelAt)) {
                setExecuteCanceled();
            }
        }
    }

    private static Volume volume(final float... values) {
        return new Volume(values.length, 1, 1, values, Affine.identity());
    }

    private static DataRow row(final String key, final Volume v) {
        return NodeTestKit.row(key, new StringCell(key), v == null ? DataType.getMissingCell() : NodeTestKit.cell(v));
    }

    private static ScaleNode.Model model() throws InvalidSettingsException {
        ScaleNode.Model m = new ScaleNode.Factory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("column", "In");
            s.addDouble("factor", 3.0);
        });
        return m;
    }

    private static float[] data(final DataCell c) {
        return NodeTestKit.volume(NodeTestKit.row("x", c), 0).data();
    }

    @Test
    void appendsTheEnginesVolumeWithProgressPerRowAndAMissingCellForAMissingInput() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC, row("a", volume(1, 2)), row("b", null), row("c", volume(4)));
        ScaleNode.Model m = model();
        Recorder progress = new Recorder(null);
        BufferedDataTable out = NodeTestKit.run(m, ShimHeadless.executionContext(progress), in)[0];

        assertEquals(List.of("Name", "In", "Scaled"), Arrays.asList(out.getDataTableSpec().getColumnNames()));
        List<DataRow> rows = NodeTestKit.rows(out);
        assertEquals(List.of("a", "b", "c"), rows.stream().map(r -> r.getKey().getString()).toList());
        assertArrayEquals(new float[] {3, 6}, data(rows.get(0).getCell(2)));
        assertTrue(rows.get(1).getCell(2).isMissing());
        assertArrayEquals(new float[] {12}, data(rows.get(2).getCell(2)));
        assertEquals("a", ((StringCell)rows.get(0).getCell(0)).getStringValue(), "input cells kept");
        assertNull(ShimHeadless.warningMessage(m), "a missing input is not a failure");

        // each row starts at its share of the progress; the engine's half-way lands inside that share
        assertEquals(List.of("0.000 row 1/3 (a)", "0.167 row 1/3 (a)", "0.333 row 2/3 (b)", "0.667 row 3/3 (c)",
            "0.833 row 3/3 (c)"), progress.events);
        assertEquals(1.0, progress.getProgress());
        assertEquals(out, m.viewTable(), "the output is the view's table");
    }

    @Test
    void refusedRowsGiveMissingCellsAndOneWarningNamingRowsAndReasons() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC, row("z1", volume(0)), row("ok", volume(1)),
            row("z2", volume(0, 0)), row("z3", volume(-5)), row("z4", volume(0)));
        ScaleNode.Model m = model();
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        assertFalse(rows.get(1).getCell(2).isMissing());
        for (int i : new int[] {0, 2, 3, 4}) {
            assertTrue(rows.get(i).getCell(2).isMissing(), rows.get(i).getKey().getString());
        }
        assertEquals("4 row(s) gave a missing cell: z1: input: no positive voxel; z2: input: no positive voxel; "
            + "z3: input: no positive voxel; ...", ShimHeadless.warningMessage(m));

        ScaleNode.Model other = model();
        List<DataRow> big = NodeTestKit.rows(NodeTestKit.run(other, NodeTestKit.table(SPEC, row("big", volume(-2, 1))))[0]);
        assertTrue(big.get(0).getCell(2).isMissing());
        assertEquals("1 row(s) gave a missing cell: big: IllegalStateException: too large",
            ShimHeadless.warningMessage(other), "a failure the job refuses beyond bad input is named by its type");
    }

    @Test
    void aFailureThatIsNotBadInputFailsTheNode() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC, row("a", volume(1)), row("bug", volume(-1)));
        ScaleNode.Model m = model();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> NodeTestKit.run(m, in));
        assertEquals("bug in the engine", e.getMessage());
        assertNull(m.viewTable());
    }

    @Test
    void cancelInsideTheEngineKeepsNothingAndTheNextRunIsComplete() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC, row("a", volume(0)), row("b", volume(2)), row("c", volume(3)));
        ScaleNode.Model m = model();
        NodeTestKit.run(m, in);
        BufferedDataTable before = m.viewTable();
        assertEquals(3, before.size());
        String refusedA = ShimHeadless.warningMessage(m);

        ShimHeadless.reset(m);
        NodeTestKit.run(m, in); // executed again: a view table to lose
        Recorder cancelling = new Recorder("row 2/3 (b)");
        CanceledExecutionException e = assertThrows(CanceledExecutionException.class,
            () -> NodeTestKit.run(m, ShimHeadless.executionContext(cancelling), in));
        // a cancel, not a refused row, although the job refuses IllegalStateException and CancellationException is one
        assertTrue(e.getMessage().contains("row 2/3 (b)"), e.getMessage());
        assertNull(m.viewTable(), "no half-written table for the view");
        assertFalse(ShimHeadless.isExecuted(m));
        assertFalse(cancelling.events.stream().anyMatch(s -> s.contains("row 3/3")), "stopped at row 2");

        BufferedDataTable again = NodeTestKit.run(m, in)[0];
        assertEquals(refusedA, ShimHeadless.warningMessage(m));
        List<DataRow> x = NodeTestKit.rows(before);
        List<DataRow> y = NodeTestKit.rows(again);
        assertEquals(x.size(), y.size());
        assertTrue(y.get(0).getCell(2).isMissing());
        for (int i = 1; i < 3; i++) {
            assertArrayEquals(data(x.get(i).getCell(2)), data(y.get(i).getCell(2)));
        }
    }

    @Test
    void cancelBeforeTheFirstRowNeverCallsTheEngine() throws Exception {
        DefaultNodeProgressMonitor cancelled = new DefaultNodeProgressMonitor();
        cancelled.setExecuteCanceled();
        ScaleNode.Model m = model();
        // a row that would fail the node if the engine were called
        BufferedDataTable in = NodeTestKit.table(SPEC, row("bug", volume(-1)));
        assertThrows(CanceledExecutionException.class,
            () -> NodeTestKit.run(m, ShimHeadless.executionContext(cancelled), in));
        assertNull(m.viewTable());
    }

    @Test
    void theViewTableComesBackAfterReopeningAndResetDropsIt() throws Exception {
        BufferedDataTable in = NodeTestKit.table(SPEC, row("a", volume(1, 2)));
        ScaleNode.Model m = model();
        NodeTestKit.run(m, in);
        ScaleNode.Model reopened = ShimNodePersistence.saveAndReopen(new ScaleNode.Factory(), m);
        assertEquals(3.0, reopened.settings().factor.getDoubleValue(), "settings saved and loaded through the group");
        assertArrayEquals(new float[] {3, 6}, data(NodeTestKit.rows(reopened.viewTable()).get(0).getCell(2)));
        ShimHeadless.reset(reopened);
        assertNull(reopened.viewTable());
        assertNull(ShimNodePersistence.saveAndReopen(new ScaleNode.Factory(), model()).viewTable(), "never executed");
    }

    @Test
    void configurePicksTheFirstVolumeColumnAndValidationGoesThroughTheGroup() throws Exception {
        ScaleNode.Model fresh = new ScaleNode.Factory().createNodeModel();
        DataTableSpec out = NodeTestKit.configure(fresh, SPEC)[0];
        assertEquals("In", fresh.settings().column.getStringValue());
        assertEquals("Input column not set: using 'In'", ShimHeadless.warningMessage(fresh));
        assertEquals("Scaled", out.getColumnSpec(2).getName());
        assertEquals("Scaled (#1)", NodeTestKit.configure(model(), NodeTestKit.spec("In", VolumeCell.TYPE, "Scaled",
            VolumeCell.TYPE))[0].getColumnSpec(2).getName(), "appended name made unique");

        ScaleNode.Model m = model();
        var bad = ShimHeadless.saveSettings(m);
        bad.addString("out", " ");
        bad.addDouble("factor", 7);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.loadSettings(m, bad));
        assertEquals("Output column name is empty", e.getMessage());
        assertEquals(3.0, m.settings().factor.getDoubleValue(), "a rejected configuration never reaches the node");

        InvalidSettingsException noVolumes = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.configure(model(), NodeTestKit.spec("Name", StringCell.TYPE)));
        assertTrue(noVolumes.getMessage().startsWith("Input column: the input table has no column 'In'"),
            noVolumes.getMessage());
    }
}
