package org.mrisr.nodes.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.Summary;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;

class ScorerNodeTest {
    private static final DataTableSpec SPEC =
        NodeTestKit.spec("HR", VolumeCell.TYPE, "SR", VolumeCell.TYPE, "Name", StringCell.TYPE);

    private static ScorerNodeModel model() throws InvalidSettingsException {
        ScorerNodeModel m = new ScorerNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("reference_column", "HR");
            s.addString("test_column", "SR");
        });
        return m;
    }

    private static double d(final DataRow r, final int c) {
        return ((DoubleValue)r.getCell(c)).getDoubleValue();
    }

    @Test
    void perRowScoresAndSummaryMatchTheEngine() throws Exception {
        Volume[] hr = {NodeTestKit.ch2betCrop(32), NodeTestKit.ch2betCrop(24), NodeTestKit.ch2betCrop(20)};
        Volume[] sr = new Volume[3];
        for (int i = 0; i < 3; i++) {
            sr[i] = Interpolator.toShape(Degrader.of(2).apply(hr[i]), hr[i].shape(), 3, true);
        }
        BufferedDataTable in = NodeTestKit.table(SPEC,
            NodeTestKit.row("a", NodeTestKit.cell(hr[0]), NodeTestKit.cell(sr[0]), new StringCell("a")),
            NodeTestKit.row("b", NodeTestKit.cell(hr[1]), NodeTestKit.cell(sr[1]), new StringCell("b")),
            NodeTestKit.row("c", NodeTestKit.cell(hr[2]), NodeTestKit.cell(sr[2]), new StringCell("c")));
        ScorerNodeModel m = model();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("mask_source", ScorerSettings.MASK_AUTO);
            s.addString("ssim_window", "gauss11");
            s.addString("data_range", "reference");
        });
        BufferedDataTable[] out = NodeTestKit.run(m, in);
        VolumeScorer engine = new VolumeScorer(SsimWindow.GAUSS11, DataRangePolicy.reference(), null, 2);
        List<DataRow> rows = NodeTestKit.rows(out[0]);
        double[] psnr = new double[3];
        for (int i = 0; i < 3; i++) {
            VolumeScores s = engine.score(hr[i], sr[i], BrainMask.fromIntensity(hr[i]).toVolume(hr[i]));
            assertEquals(MaskMode.SELECT, s.maskMode());
            DataRow r = rows.get(i);
            assertEquals(s.psnr(), d(r, 0), 0.0);
            assertEquals(s.ssim(), d(r, 1), 0.0);
            assertEquals(s.mse(), d(r, 2), 0.0);
            assertEquals(s.nrmse(), d(r, 3), 0.0);
            assertEquals(s.mae(), d(r, 4), 0.0);
            assertEquals(s.dataRange(), d(r, 5), 0.0);
            assertEquals(s.maskVoxels(), ((LongValue)r.getCell(6)).getLongValue());
            // Small crops lose much at the borders (scipy zoom, mode constant): low but finite scores.
            assertTrue(s.psnr() > 5 && s.psnr() < 60 && s.ssim() > 0.3 && s.ssim() < 1, s.toString());
            psnr[i] = s.psnr();
        }
        List<DataRow> summary = NodeTestKit.rows(out[1]);
        assertEquals(List.of("PSNR", "SSIM", "MSE", "NRMSE", "MAE"), summary.stream().map(r -> r.getKey().getString()).toList());
        Summary expected = Summary.of(psnr);
        DataRow p = summary.get(0);
        assertEquals(3, ((IntValue)p.getCell(0)).getIntValue());
        assertEquals(expected.mean(), d(p, 1), 1e-12);
        assertEquals(expected.std(), d(p, 2), 1e-12);
        assertEquals(expected.min(), d(p, 3), 0.0);
        assertEquals(expected.max(), d(p, 4), 0.0);
        assertEquals(expected.median(), d(p, 5), 0.0);
    }

    @Test
    void theHeadBoxRegionWithReferenceRangeAndNoMaskGivesEvaluatesWholePolicy() throws Exception {
        // a brain with empty field of view around it: the box drops the empty border before scoring
        Volume brain = NodeTestKit.ch2betCrop(32);
        float[] padded = new float[48 * 48 * 48];
        for (int z = 0; z < 32; z++) {
            for (int y = 0; y < 32; y++) {
                System.arraycopy(brain.data(), brain.index(0, y, z), padded, 8 + 48 * (y + 8 + 48 * (z + 8)), 32);
            }
        }
        Volume hr = new Volume(48, 48, 48, padded, brain.affine());
        java.util.Map<String, Volume> results = new java.util.HashMap<>();
        List<org.mrisr.engine.eval.MethodComparison.Row> expected = new org.mrisr.engine.eval.MethodComparison(2,
            Degrader.of(2), 2).compare(hr, "hr", org.mrisr.engine.eval.MethodComparison.baselines(2), null, results::put,
                null);
        Volume cubic = results.get("cubic spline");
        BufferedDataTable in = NodeTestKit.table(SPEC,
            NodeTestKit.row("a", NodeTestKit.cell(hr), NodeTestKit.cell(cubic), new StringCell("a")));
        ScorerNodeModel box = model();
        NodeTestKit.configureSettings(box, s -> {
            s.addString("data_range", "reference");
            s.addString("scored_region", ScorerSettings.REGION_HEAD_BOX);
        });
        DataRow r = NodeTestKit.rows(NodeTestKit.run(box, in)[0]).get(0);
        VolumeScores whole = expected.stream().filter(x -> x.method().equals("cubic spline")).findFirst().orElseThrow()
            .whole();
        assertEquals(whole.psnr(), d(r, 0), 0.0);
        assertEquals(whole.ssim(), d(r, 1), 0.0);
        ScorerNodeModel all = model();
        NodeTestKit.configureSettings(all, s -> s.addString("data_range", "reference"));
        DataRow a = NodeTestKit.rows(NodeTestKit.run(all, in)[0]).get(0);
        assertTrue(d(a, 0) > d(r, 0) + 1, "the empty border inflates PSNR: " + d(a, 0) + " vs " + d(r, 0));
        ScorerNodeModel bad = model();
        assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.configureSettings(bad, s -> s.addString("scored_region", "everything")));
    }

    @Test
    void unscorableRowsAreMissingWarnedAndLeftOutOfTheSummary() throws Exception {
        Volume a = NodeTestKit.ch2betCrop(16);
        Volume b = NodeTestKit.ch2betCrop(12);
        BufferedDataTable in = NodeTestKit.table(SPEC,
            NodeTestKit.row("same", NodeTestKit.cell(a), NodeTestKit.cell(a), new StringCell("x")),
            NodeTestKit.row("shapes", NodeTestKit.cell(a), NodeTestKit.cell(b), new StringCell("y")));
        ScorerNodeModel m = model();
        BufferedDataTable[] out = NodeTestKit.run(m, in);
        List<DataRow> rows = NodeTestKit.rows(out[0]);
        assertEquals(Double.POSITIVE_INFINITY, d(rows.get(0), 0), "identical volumes");
        assertEquals(1.0, d(rows.get(0), 1), 1e-12);
        assertTrue(rows.get(1).getCell(0).isMissing());
        String w = ShimHeadless.warningMessage(m);
        assertTrue(w.contains("shapes"), w);
        assertEquals(1, ((IntValue)NodeTestKit.rows(out[1]).get(1).getCell(0)).getIntValue());
    }

    @Test
    void configureExplainsColumnProblems() throws Exception {
        ScorerNodeModel fresh = new ScorerNodeFactory().createNodeModel();
        Exception unset = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(fresh, SPEC));
        assertTrue(unset.getMessage().contains("Reference column is not set") && unset.getMessage().contains("'HR', 'SR'"),
            unset.getMessage());

        ScorerNodeModel m = model();
        NodeTestKit.configureSettings(m, s -> s.addString("test_column", "HR"));
        Exception same = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(same.getMessage().contains("both 'HR'"), same.getMessage());

        NodeTestKit.configureSettings(m, s -> {
            s.addString("test_column", "SR");
            s.addString("mask_source", ScorerSettings.MASK_COLUMN);
            s.addString("mask_column", "Name");
        });
        Exception mask = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(mask.getMessage().startsWith("Mask column: column 'Name' holds"), mask.getMessage());

        var s = ShimHeadless.saveSettings(m);
        s.addString("data_range", "huge");
        Exception range = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s));
        assertTrue(range.getMessage().contains("'huge'"), range.getMessage());
        assertEquals(2, NodeTestKit.configure(model(), SPEC).length);
    }

    @Test
    void okInTheDialogLeavesAnUnsetMaskColumnUnset() throws Exception {
        DataTableSpec withMask = NodeTestKit.spec("HR", VolumeCell.TYPE, "SR", VolumeCell.TYPE, "Mask", VolumeCell.TYPE,
            "Name", StringCell.TYPE);
        for (String source : List.of(ScorerSettings.MASK_NONE, ScorerSettings.MASK_AUTO, ScorerSettings.MASK_COLUMN)) {
            ScorerNodeModel m = model();
            NodeTestKit.configureSettings(m, s -> s.addString("mask_source", source));
            NodeSettings saved = ShimHeadless.saveSettings(m);
            assertNull(saved.getString("mask_column"), "unset by default");
            // Without a <none> choice KNIME would select a volume column here, change the settings and reset the node.
            assertEquals(saved, NodeTestKit.dialogOk(new ScorerNodeFactory(), saved, withMask), source);
        }
        ScorerNodeModel chosen = model();
        NodeTestKit.configureSettings(chosen, s -> {
            s.addString("mask_source", ScorerSettings.MASK_COLUMN);
            s.addString("mask_column", "Mask");
        });
        NodeSettings saved = ShimHeadless.saveSettings(chosen);
        assertEquals(saved, NodeTestKit.dialogOk(new ScorerNodeFactory(), saved, withMask), "a chosen mask stays");

        // Settings saved before the <none> choice hold "": unset too; the dialog then stores null.
        ScorerNodeModel old = model();
        NodeTestKit.configureSettings(old, s -> s.addString("mask_column", ""));
        assertEquals(2, NodeTestKit.configure(old, withMask).length);
        NodeSettings fromDialog = NodeTestKit.dialogOk(new ScorerNodeFactory(), ShimHeadless.saveSettings(old), withMask);
        assertNull(fromDialog.getString("mask_column"));
        // "column" with <none> chosen: configure says what to do.
        ScorerNodeModel none = model();
        NodeTestKit.configureSettings(none, s -> s.addString("mask_source", ScorerSettings.MASK_COLUMN));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(none, withMask));
        assertTrue(e.getMessage().startsWith("Mask column is not set"), e.getMessage());
    }

    @Test
    void nonFiniteVoxelsBecomeBackgroundOrAreRefused() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(24);
        Volume sr = Interpolator.toShape(Degrader.of(2).apply(hr), hr.shape(), 3, true);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row(NonFiniteNodeCheck.ROW,
            NodeTestKit.cell(NonFiniteNodeCheck.poisoned(hr)), NodeTestKit.cell(sr), new StringCell("a")));
        ScorerNodeModel m = model();
        NonFiniteNodeCheck.check(m, node -> {
            BufferedDataTable[] out = NodeTestKit.run(node, in);
            DataRow scores = NodeTestKit.rows(out[0]).get(0);
            for (int c = 0; c < ScorerNodeModel.METRICS.size(); c++) {
                assertTrue(Double.isFinite(d(scores, c)), ScorerNodeModel.METRICS.get(c));
            }
            return List.of();
        });
    }
}
