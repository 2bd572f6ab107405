package org.mrisr.nodes.patches;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.patch.PatchGrid;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;

class PatchExtractorNodeTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("HR", VolumeCell.TYPE, "LR", VolumeCell.TYPE);

    private static PatchExtractorNodeModel model(final int patch, final int stride, final double fg)
        throws InvalidSettingsException {
        PatchExtractorNodeModel m = new PatchExtractorNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("hr_column", "HR");
            s.addString("lr_column", "LR");
            for (String a : new String[] {"x", "y", "z"}) {
                s.addInt("patch_" + a, patch);
                s.addInt("stride_" + a, stride);
            }
            s.addDouble("min_foreground_fraction", fg);
        });
        return m;
    }

    @Test
    void pairsMatchTheEnginesGridAndCrops() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(40);
        Volume lr = Degrader.of(2).apply(hr);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("s1", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(model(16, 12, 0.5), in)[0]);
        PatchGrid grid = PatchGrid.of(hr.shape(), new int[] {16, 16, 16}, new int[] {12, 12, 12}, 2)
            .withForeground(BrainMask.fromIntensity(hr), 0.5);
        assertEquals(grid.size(), rows.size());
        assertTrue(rows.size() > 0);
        for (int k = 0; k < rows.size(); k++) {
            DataRow r = rows.get(k);
            var p = grid.patches().get(k);
            assertEquals("s1#" + p.index(), r.getKey().getString());
            assertEquals(p.x0(), ((IntValue)r.getCell(4)).getIntValue());
            assertArrayEquals(p.extract(hr).data(), NodeTestKit.volume(r, 0).data());
            assertArrayEquals(p.extractLowRes(lr).data(), NodeTestKit.volume(r, 1).data());
            assertArrayEquals(new int[] {8, 8, 8}, NodeTestKit.volume(r, 1).shape());
        }
    }

    @Test
    void shuffleAndCapAreSeeded() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(32);
        Volume lr = Degrader.of(2).apply(hr);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("s1", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
        PatchExtractorNodeModel m = model(8, 8, 0);
        NodeTestKit.configureSettings(m, s -> {
            s.addBoolean("shuffle", true);
            s.addInt("max_patches_per_volume", 5);
        });
        List<String> first = NodeTestKit.rows(NodeTestKit.run(m, in)[0]).stream().map(r -> r.getKey().getString()).toList();
        List<String> again = NodeTestKit.rows(NodeTestKit.run(m, in)[0]).stream().map(r -> r.getKey().getString()).toList();
        assertEquals(5, first.size());
        assertEquals(first, again);
        assertNotEquals(List.of("s1#0", "s1#1", "s1#2", "s1#3", "s1#4"), first);
    }

    @Test
    void mismatchedFactorAndBadGridAreExplained() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(32);
        Volume lr4 = Degrader.of(4).apply(hr);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("s1", NodeTestKit.cell(hr), NodeTestKit.cell(lr4)));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(model(8, 8, 0), in));
        assertTrue(e.getMessage().contains("Row s1") && e.getMessage().contains("factor"), e.getMessage());

        PatchExtractorNodeModel m = model(8, 8, 0);
        var s = ShimHeadless.saveSettings(m);
        s.addInt("patch_y", 7);
        Exception odd = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s));
        assertTrue(odd.getMessage().contains("multiples of the factor 2"), odd.getMessage());

        Volume lr = Degrader.of(2).apply(hr);
        BufferedDataTable ok = NodeTestKit.table(SPEC, NodeTestKit.row("s1", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
        Exception big = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(model(64, 64, 0), ok));
        assertTrue(big.getMessage().contains("larger than the volume"), big.getMessage());

        PatchExtractorNodeModel same = model(8, 8, 0);
        NodeTestKit.configureSettings(same, x -> x.addString("lr_column", "HR"));
        assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(same, SPEC));
    }
}
