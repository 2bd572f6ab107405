package org.mrisr.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.train.PatchPair;
import org.mrisr.engine.srgan.train.TrainingInput;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/** Pairs from a patch table: normalisation per source, epoch order, refusals. */
class TablePatchSourceTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("HR patch", VolumeCell.TYPE, "LR patch", VolumeCell.TYPE,
        "Source row", StringCell.TYPE);

    private static float max(final float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void patchesOfOneSourceShareTheMaximumOfTheirLrPatches() throws Exception {
        BufferedDataTable t = SrganFixtures.patches(48, 0);
        List<DataRow> rows = NodeTestKit.rows(t);
        assertTrue(rows.size() >= 2, "several patches from the 48^3 crop");
        double m = 0;
        for (DataRow r : rows) {
            m = Math.max(m, max(NodeTestKit.volume(r, 1).data()));
        }
        TablePatchSource s = TablePatchSource.read(t, new PatchColumns(0, 1, 2), 2, 1, "Training table", new ExecutionMonitor());
        assertEquals(rows.size(), s.size());
        NormalizationParams in = new NormalizationParams(Normalizer.HALF_MAX, Double.NaN, Double.NaN, m / 2, m / 2);
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(Normalizer.apply(NodeTestKit.volume(rows.get(i), 1), in).data(), s.pairs().get(i).lr());
            assertArrayEquals(Normalizer.apply(NodeTestKit.volume(rows.get(i), 0), in).data(), s.pairs().get(i).hr());
        }
        assertArrayEquals(new int[] {32, 32, 32}, s.hrShape());
        // here the patches cover the LR volume's brightest voxel, so m is the whole-volume maximum inference uses
        Volume lr = Degrader.of(2).apply(NodeTestKit.ch2betCrop(48));
        assertEquals(max(lr.data()), m, 0);
    }

    @Test
    void sourcesAreNormalisedSeparatelyAndEveryEpochVisitsEveryRowOnce() throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(16);
        Volume lr = Degrader.of(2).apply(hr);
        Volume brighter = lr.withData(scaled(lr.data(), 3));
        Volume brighterHr = hr.withData(scaled(hr.data(), 3));
        BufferedDataTable t = NodeTestKit.table(SPEC,
            NodeTestKit.row("a#0", NodeTestKit.cell(hr), NodeTestKit.cell(lr), new StringCell("a")),
            NodeTestKit.row("b#0", NodeTestKit.cell(brighterHr), NodeTestKit.cell(brighter), new StringCell("b")),
            NodeTestKit.row("c#0", NodeTestKit.cell(hr), DataType.getMissingCell(), new StringCell("c")));
        TablePatchSource s = TablePatchSource.read(t, new PatchColumns(0, 1, 2), 2, 5, "Training table", new ExecutionMonitor());
        assertEquals(2, s.size(), "the row without an LR patch is skipped");
        // each source is normalised by its own maximum: the same image, 3x brighter, gives the same values
        assertArrayEquals(s.pairs().get(0).lr(), s.pairs().get(1).lr(), 1e-5f);
        TablePatchSource one = TablePatchSource.read(t, new PatchColumns(0, 1, -1), 2, 5, "Training table", new ExecutionMonitor());
        assertTrue(max(one.pairs().get(0).lr()) < max(one.pairs().get(1).lr()),
            "one maximum for the table without a source column");

        // what a model trained on the table records: counts through the engine's provenance hook
        TrainingInput in = s.input();
        assertEquals(2, in.provenance().get("patches").getAsInt());
        assertEquals(3, in.provenance().get("table_rows").getAsInt(), "rows, the skipped one included");
        assertTrue(in.degradation().get("normalisation").getAsString().contains("column 'Source row'"));
        assertTrue(one.input().degradation().get("normalisation").getAsString().contains("whole table"));
        assertArrayEquals(lr.voxelSize(), in.lrVoxelSize());

        Set<PatchPair> epoch0 = new HashSet<>();
        Set<PatchPair> epoch1 = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            epoch0.add(s.pair(i));
            epoch1.add(s.pair(2 + i));
        }
        assertEquals(2, epoch0.size());
        assertEquals(2, epoch1.size());
        TablePatchSource again = TablePatchSource.read(t, new PatchColumns(0, 1, 2), 2, 5, "x", new ExecutionMonitor());
        for (long i = 0; i < 8; i++) {
            assertEquals(indexOf(s, s.pair(i)), indexOf(again, again.pair(i)), "same seed, same order at " + i);
        }
    }

    private static int indexOf(final TablePatchSource s, final PatchPair p) {
        for (int i = 0; i < s.size(); i++) {
            if (s.pairs().get(i) == p) {
                return i;
            }
        }
        return -1;
    }

    private static float[] scaled(final float[] a, final float f) {
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i] * f;
        }
        return b;
    }

    @Test
    void refusesPatchesThatDoNotFitTheFactorOrEachOther() {
        Volume hr = NodeTestKit.ch2betCrop(16);
        Volume lr = Degrader.of(2).apply(hr);
        BufferedDataTable wrongFactor = NodeTestKit.table(SPEC,
            NodeTestKit.row("p", NodeTestKit.cell(hr), NodeTestKit.cell(lr), new StringCell("a")));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> TablePatchSource.read(wrongFactor, new PatchColumns(0, 1, 2), 4, 1, "Training table", new ExecutionMonitor()));
        assertTrue(e.getMessage().contains("Training table, row p: HR patch 16x16x16 is not 4 x the LR patch 8x8x8"),
            e.getMessage());
        Volume hr2 = NodeTestKit.ch2betCrop(20);
        BufferedDataTable mixed = NodeTestKit.table(SPEC,
            NodeTestKit.row("p", NodeTestKit.cell(hr), NodeTestKit.cell(lr), new StringCell("a")),
            NodeTestKit.row("q", NodeTestKit.cell(hr2), NodeTestKit.cell(Degrader.of(2).apply(hr2)), new StringCell("a")));
        e = assertThrows(InvalidSettingsException.class,
            () -> TablePatchSource.read(mixed, new PatchColumns(0, 1, 2), 2, 1, "Training table", new ExecutionMonitor()));
        assertTrue(e.getMessage().contains("row q: LR patch 10x10x10 differs from the first patch 8x8x8"), e.getMessage());
        BufferedDataTable black = NodeTestKit.table(SPEC, NodeTestKit.row("z", NodeTestKit.cell(hr),
            NodeTestKit.cell(lr.withData(new float[lr.data().length])), new StringCell("a")));
        e = assertThrows(InvalidSettingsException.class,
            () -> TablePatchSource.read(black, new PatchColumns(0, 1, 2), 2, 1, "Training table", new ExecutionMonitor()));
        assertTrue(e.getMessage().contains("no positive intensity"), e.getMessage());
    }
}
