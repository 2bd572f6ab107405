package org.mrisr.nodes.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;

class InterpolateNodeTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("HR", VolumeCell.TYPE, "LR", VolumeCell.TYPE);

    private static InterpolateNodeModel model(final String method) throws InvalidSettingsException {
        InterpolateNodeModel m = new InterpolateNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("lr_column", "LR");
            s.addString("method", method);
        });
        return m;
    }

    @Test
    void eachMethodIsTheEnginesScipyZoom() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(30);
        Volume lr = Degrader.of(2).apply(hr);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
        int[] orders = {0, 1, 3};
        String[] methods = {InterpolateSettings.NEAREST, InterpolateSettings.LINEAR, InterpolateSettings.CUBIC};
        for (int k = 0; k < 3; k++) {
            Volume up = NodeTestKit.volume(NodeTestKit.rows(NodeTestKit.run(model(methods[k]), in)[0]).get(0), 2);
            Volume expected = Interpolator.upsample(lr, new double[] {2, 2, 2}, orders[k], true);
            assertArrayEquals(expected.data(), up.data(), methods[k]);
            assertArrayEquals(new int[] {30, 30, 30}, up.shape());
        }
    }

    @Test
    void matchShapeBringsOddSizesBackOntoTheHrGrid() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(25);
        Volume lr = Degrader.of(2).apply(hr);
        assertArrayEquals(new int[] {12, 12, 12}, lr.shape());
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("a", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
        InterpolateNodeModel m = model(InterpolateSettings.CUBIC);
        NodeTestKit.configureSettings(m, s -> {
            s.addBoolean("match_shape", true);
            s.addString("shape_column", "HR");
            s.addBoolean("prefilter", false);
        });
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        Volume up = NodeTestKit.volume(rows.get(0), 2);
        assertArrayEquals(hr.shape(), up.shape());
        assertArrayEquals(Interpolator.toShape(lr, hr.shape(), 3, false).data(), up.data());
        assertEquals(0.0, hr.affine().maxAbsDifference(up.affine()), 1e-9, "back on the HR grid");
    }

    @Test
    void configureExplainsProblems() throws Exception {
        InterpolateNodeModel m = model(InterpolateSettings.CUBIC);
        NodeTestKit.configureSettings(m, s -> {
            s.addBoolean("match_shape", true);
            s.addString("shape_column", "Missing");
        });
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(e.getMessage().startsWith("Shape column") && e.getMessage().contains("'HR', 'LR'"), e.getMessage());
        var s = ShimHeadless.saveSettings(m);
        s.addString("method", "quintic");
        Exception bad = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s));
        assertTrue(bad.getMessage().contains("quintic") && bad.getMessage().contains("cubic spline"), bad.getMessage());
    }

    @Test
    void okInTheDialogLeavesAnUnsetShapeColumnUnset() throws Exception {
        for (boolean match : new boolean[] {false, true}) {
            InterpolateNodeModel m = model(InterpolateSettings.CUBIC);
            NodeTestKit.configureSettings(m, s -> s.addBoolean("match_shape", match));
            NodeSettings saved = ShimHeadless.saveSettings(m);
            assertNull(saved.getString("shape_column"), "unset by default");
            assertEquals(saved, NodeTestKit.dialogOk(new InterpolateNodeFactory(), saved, SPEC), "match " + match);
        }
        InterpolateNodeModel m = model(InterpolateSettings.CUBIC);
        NodeTestKit.configureSettings(m, s -> s.addBoolean("match_shape", true));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(e.getMessage().startsWith("Shape column is not set"), e.getMessage());
    }

    @Test
    void nonFiniteVoxelsBecomeBackgroundOrAreRefused() throws Exception {
        Volume lr = NodeTestKit.ch2betCrop(12);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row(NonFiniteNodeCheck.ROW, NodeTestKit.cell(lr),
            NodeTestKit.cell(NonFiniteNodeCheck.poisoned(lr))));
        NonFiniteNodeCheck.check(model(InterpolateSettings.CUBIC), node -> NonFiniteNodeCheck.column(NodeTestKit.run(node, in)[0], 2));
    }
}
