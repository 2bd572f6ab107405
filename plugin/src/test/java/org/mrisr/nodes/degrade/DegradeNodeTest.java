package org.mrisr.nodes.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;

class DegradeNodeTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("HR", VolumeCell.TYPE, "Name", StringCell.TYPE);

    private static DegradeNodeModel model() throws InvalidSettingsException {
        DegradeNodeModel m = new DegradeNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> s.addString("hr_column", "HR"));
        return m;
    }

    @Test
    void defaultsAreThePapersEvaluationDegradation() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(40);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(hr), new StringCell("x")));
        BufferedDataTable out = NodeTestKit.run(model(), in)[0];
        assertEquals(List.of("HR", "Name", "LR volume"), Arrays.asList(out.getDataTableSpec().getColumnNames()));
        Volume lr = NodeTestKit.volume(NodeTestKit.rows(out).get(0), 2);
        Volume expected = Degrader.of(2).apply(hr);
        assertArrayEquals(new int[] {20, 20, 20}, lr.shape());
        assertArrayEquals(expected.data(), lr.data());
        assertEquals(0.0, expected.affine().maxAbsDifference(lr.affine()));
    }

    @Test
    void everyOptionReachesTheEngineAndNoiseIsSeededPerRow() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(24);
        DegradeNodeModel m = model();
        NodeTestKit.configureSettings(m, s -> {
            s.addDouble("sigma_voxels", 0.5);
            s.addDouble("factor_x", 1);
            s.addDouble("factor_y", 2);
            s.addDouble("factor_z", 4);
            s.addInt("order", 1);
            s.addBoolean("prefilter", true);
            s.addDouble("rician_noise", 0.02);
            s.addInt("seed", 7);
            s.addString("lr_column_name", "HR");
        });
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(hr), new StringCell("x")),
            NodeTestKit.row("b", NodeTestKit.cell(hr), new StringCell("y")));
        BufferedDataTable out = NodeTestKit.run(m, in)[0];
        assertEquals("HR (#1)", out.getDataTableSpec().getColumnSpec(2).getName(), "output name made unique");
        List<DataRow> rows = NodeTestKit.rows(out);
        Degrader d = Degrader.of(new double[] {1, 2, 4}).withSigma(0.5).withOrder(1).withPrefilter(true);
        assertArrayEquals(d.withRicianNoise(0.02, 7).apply(hr).data(), NodeTestKit.volume(rows.get(0), 2).data());
        assertArrayEquals(d.withRicianNoise(0.02, 8).apply(hr).data(), NodeTestKit.volume(rows.get(1), 2).data());
        assertArrayEquals(new int[] {24, 12, 6}, NodeTestKit.volume(rows.get(0), 2).shape());
        assertFalse(Arrays.equals(NodeTestKit.volume(rows.get(0), 2).data(), NodeTestKit.volume(rows.get(1), 2).data()));
    }

    @Test
    void aRefusedRowGivesAMissingCellAndAWarningNotAFailedNode() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(24);
        Volume tiny = NodeTestKit.ch2betCrop(2);
        DegradeNodeModel m = model();
        NodeTestKit.configureSettings(m, s -> s.addDouble("factor_x", 8));
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("ok", NodeTestKit.cell(hr), new StringCell("x")),
            NodeTestKit.row("tiny", NodeTestKit.cell(tiny), new StringCell("y")),
            NodeTestKit.row("none", DataType.getMissingCell(), new StringCell("z")));
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        assertFalse(rows.get(0).getCell(2).isMissing());
        assertTrue(rows.get(1).getCell(2).isMissing());
        assertTrue(rows.get(2).getCell(2).isMissing());
        String w = ShimHeadless.warningMessage(m);
        assertTrue(w != null && w.contains("tiny"), w);
    }

    @Test
    void configureExplainsColumnProblems() throws Exception {
        DegradeNodeModel m = model();
        DataTableSpec noVolumes = NodeTestKit.spec("Name", StringCell.TYPE);
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, noVolumes));
        assertTrue(e.getMessage().contains("no column 'HR'") && e.getMessage().contains("NIfTI Reader"), e.getMessage());
        NodeTestKit.configureSettings(m, s -> s.addString("hr_column", "Name"));
        Exception t = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(t.getMessage().contains("'Name' holds"), t.getMessage());

        DegradeNodeModel fresh = new DegradeNodeFactory().createNodeModel();
        assertEquals("LR volume", NodeTestKit.configure(fresh, SPEC)[0].getColumnSpec(2).getName());
        assertNotEquals(null, ShimHeadless.warningMessage(fresh), "auto-picked column is reported");
    }

    @Test
    void invalidOptionsAreRefusedAtValidation() throws Exception {
        DegradeNodeModel m = model();
        var s = ShimHeadless.saveSettings(m);
        s.addInt("order", 2);
        Exception e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s));
        assertTrue(e.getMessage().contains("order 2"), e.getMessage());
        var s2 = ShimHeadless.saveSettings(m);
        s2.addDouble("factor_y", 0.5);
        assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s2));
    }

    @Test
    void cancelled() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(8);
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(hr), new StringCell("x")));
        assertThrows(CanceledExecutionException.class, () -> NodeTestKit.run(model(), ShimHeadless.executionContext(mon), in));
    }

    @Test
    void nonFiniteVoxelsBecomeBackgroundOrAreRefused() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(24);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(hr), new StringCell("x")),
            NodeTestKit.row(NonFiniteNodeCheck.ROW, NodeTestKit.cell(NonFiniteNodeCheck.poisoned(hr)), new StringCell("y")));
        NonFiniteNodeCheck.check(model(), node -> NonFiniteNodeCheck.column(NodeTestKit.run(node, in)[0], 2));
    }
}
