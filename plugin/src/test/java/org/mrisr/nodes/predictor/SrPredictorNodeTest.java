package org.mrisr.nodes.predictor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.mrisr.engine.nd4j.ComputeSettings;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimNodePersistence;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.port.DefaultModels;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;
import org.mrisr.nodes.testing.SrganFixtures;
import org.mrisr.nodes.view.SliceViewerPanel;

/** The SR Predictor through the shim on a degraded ch2bet crop. */
class SrPredictorNodeTest {
    static SrPredictorNodeModel predictor() throws InvalidSettingsException {
        SrPredictorNodeModel m = new SrPredictorNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("lr_column", "LR");
            s.addString("hr_column", "HR");
            s.addInt("window", 12);
            s.addInt("overlap", 4);
            s.addString("blending", "constant");
        });
        return m;
    }

    @Test
    void twoPredictorsOnOnePortObjectInParallelGiveTheSerialResults() throws Exception {
        // KNIME runs independent branches concurrently: both predictors share one model (one generator)
        SrganModelPortObject port = new SrganModelPortObject(SrganFixtures.smallModel(4));
        Volume hr = NodeTestKit.ch2betCrop(32);
        Volume lrA = Degrader.of(2).apply(hr);
        Volume lrB = Degrader.of(2).withSigma(2).apply(hr);
        BufferedDataTable inA = NodeTestKit.table(SrganFixtures.VOLUMES, NodeTestKit.row("a", NodeTestKit.cell(hr),
            NodeTestKit.cell(lrA)));
        BufferedDataTable inB = NodeTestKit.table(SrganFixtures.VOLUMES, NodeTestKit.row("b", NodeTestKit.cell(hr),
            NodeTestKit.cell(lrB)));
        float[] serialA = NodeTestKit.volume(NodeTestKit.rows((BufferedDataTable)SrganFixtures.execute(predictor(), port,
            inA)[0]).get(0), 2).data();
        float[] serialB = NodeTestKit.volume(NodeTestKit.rows((BufferedDataTable)SrganFixtures.execute(predictor(), port,
            inB)[0]).get(0), 2).data();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Future<PortObject[]> a = pool.submit(() -> SrganFixtures.execute(predictor(), port, inA));
                Future<PortObject[]> b = pool.submit(() -> SrganFixtures.execute(predictor(), port, inB));
                assertArrayEquals(serialA, NodeTestKit.volume(NodeTestKit.rows((BufferedDataTable)a.get()[0]).get(0), 2).data());
                assertArrayEquals(serialB, NodeTestKit.volume(NodeTestKit.rows((BufferedDataTable)b.get()[0]).get(0), 2).data());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotEquals(serialA[serialA.length / 2], serialB[serialB.length / 2], "different inputs, different outputs");
    }

    @Test
    void appendsWhatTheEnginePredictsAndFailedRowsGiveMissingCells() throws Exception {
        SrModel model = SrganFixtures.smallModel(3);
        Volume hr = NodeTestKit.ch2betCrop(32);
        Volume lr = Degrader.of(2).apply(hr);
        Volume empty = lr.withData(new float[lr.data().length]);
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES,
            NodeTestKit.row("brain", NodeTestKit.cell(hr), NodeTestKit.cell(lr)),
            NodeTestKit.row("black", NodeTestKit.cell(hr), NodeTestKit.cell(empty)),
            NodeTestKit.row("none", NodeTestKit.cell(hr), DataType.getMissingCell()));
        SrPredictorNodeModel m = predictor();
        PortObject[] out = SrganFixtures.execute(m, new SrganModelPortObject(model), in);
        BufferedDataTable t = (BufferedDataTable)out[0];
        assertEquals("SR volume", t.getDataTableSpec().getColumnSpec(2).getName());
        List<DataRow> rows = NodeTestKit.rows(t);
        Volume sr = NodeTestKit.volume(rows.get(0), 2);
        assertArrayEquals(new int[] {32, 32, 32}, sr.shape());
        Volume expected = model.predict(lr, new PredictOptions(12, 4, Blending.CONSTANT));
        assertArrayEquals(expected.data(), sr.data());
        assertEquals(expected.affine(), sr.affine());
        assertTrue(rows.get(1).getCell(2).isMissing(), "all-zero volume cannot be normalised");
        assertTrue(rows.get(2).getCell(2).isMissing());
        String w = ShimHeadless.warningMessage(m);
        assertTrue(w.contains("1 row(s) gave a missing cell: black: "), w);
        assertTrue(w.contains("positive maximum"), w); // the engine says why: half-max needs max > 0

        // The view's panel (KNIME builds no NodeView headless): LR | SR | HR.
        SrPredictorNodeView.ComparisonPanel view = new SrPredictorNodeView.ComparisonPanel();
        view.show(m);
        List<SliceViewerPanel> viewers = view.viewers();
        assertEquals(3, viewers.size(), "LR | SR | HR");
        assertArrayEquals(lr.data(), viewers.get(0).shownVolume().data());
        assertArrayEquals(sr.data(), viewers.get(1).shownVolume().data());
        assertArrayEquals(hr.data(), viewers.get(2).shownVolume().data());
        view.clear();
        assertNull(viewers.get(0).shownVolume(), "closing lets go of the table");

        // After saving and reopening the workflow the view shows the same three volumes without re-running.
        SrPredictorNodeModel reopened = ShimNodePersistence.saveAndReopen(new SrPredictorNodeFactory(), m);
        SrPredictorNodeView.ComparisonPanel again = new SrPredictorNodeView.ComparisonPanel();
        again.show(reopened);
        assertArrayEquals(lr.data(), again.viewers().get(0).shownVolume().data());
        assertArrayEquals(sr.data(), again.viewers().get(1).shownVolume().data());
        assertArrayEquals(hr.data(), again.viewers().get(2).shownVolume().data());
    }

    @Test
    void withoutAConnectedModelTheDefaultModelOfTheChosenFactorIsUsed() throws Exception {
        SrModel shipped = SrganFixtures.smallModel(21);
        List<Integer> asked = new ArrayList<>();
        SrPredictorNodeModel m = new SrPredictorNodeModel(new SrPredictorNodeModel.DefaultModelSource() {
            @Override
            public boolean available(final int factor) {
                asked.add(factor);
                return factor == 2;
            }

            @Override
            public SrModel load(final int factor) {
                asked.add(-factor);
                return shipped;
            }
        });
        NodeTestKit.configureSettings(m, s -> {
            s.addString("lr_column", "LR");
            s.addInt("window", 12);
            s.addInt("overlap", 4);
        });
        Volume lr = Degrader.of(2).apply(NodeTestKit.ch2betCrop(24));
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES,
            NodeTestKit.row("brain", NodeTestKit.cell(lr), NodeTestKit.cell(lr)));
        BufferedDataTable t = (BufferedDataTable)SrganFixtures.execute(m, null, in)[0];
        assertArrayEquals(shipped.predict(lr, new PredictOptions(12, 4, Blending.GAUSSIAN)).data(),
            NodeTestKit.volume(NodeTestKit.rows(t).get(0), 2).data());
        assertEquals(List.of(2, -2), asked);
        NodeTestKit.configureSettings(m, s -> s.addInt("default_model_factor", 4));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.configure(m, null, SrganFixtures.VOLUMES));
        assertTrue(e.getMessage().contains("x4"), e.getMessage());
    }

    @Test
    void inputUnlikeTheTrainingDataGivesAWarning() throws Exception {
        // the model records 2 mm LR voxels; ch2bet degraded x2 has 2 mm too, a crop without degradation has 1 mm
        Volume lr = NodeTestKit.ch2betCrop(16);
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES,
            NodeTestKit.row("fine", NodeTestKit.cell(lr), NodeTestKit.cell(lr)));
        SrPredictorNodeModel m = predictor();
        SrganFixtures.execute(m, new SrganModelPortObject(SrganFixtures.smallModel(3)), in);
        String w = ShimHeadless.warningMessage(m);
        assertTrue(w.startsWith("Input unlike the model's training data: fine: input voxel size 1.00 x 1.00 x 1.00 mm"), w);
    }

    @Test
    void configureExplainsMissingColumnsAndAMissingDefaultModel() throws Exception {
        SrPredictorNodeModel m = predictor();
        DataTableSpec strings = NodeTestKit.spec("LR", StringCell.TYPE, "HR", VolumeCell.TYPE);
        SrganModelPortObject model = new SrganModelPortObject(SrganFixtures.smallModel(1));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.configure(m, model.getSpec(), strings));
        assertTrue(e.getMessage().startsWith("LR volume column: column 'LR' holds"), e.getMessage());
        DataTableSpec noHr = NodeTestKit.spec("LR", VolumeCell.TYPE);
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(m, model.getSpec(), noHr));
        assertTrue(e.getMessage().contains("HR column (view): the input table has no column 'HR'"), e.getMessage());
        PortObjectSpec[] ok = ShimHeadless.configure(m, model.getSpec(), SrganFixtures.VOLUMES);
        assertEquals(3, ((DataTableSpec)ok[0]).getNumColumns());
        NodeTestKit.configureSettings(m, s -> s.addInt("default_model_factor", 8));
        if (!DefaultModels.available(8)) {
            e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(m, null, SrganFixtures.VOLUMES));
            assertTrue(e.getMessage().startsWith("no default model shipped for x8; connect an SRGAN model"),
                e.getMessage());
        }
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configureSettings(m, s -> {
            s.addInt("window", 8);
            s.addInt("overlap", 8);
        }));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void nonFiniteVoxelsBecomeBackgroundOrAreRefused() throws Exception {
        SrganModelPortObject port = new SrganModelPortObject(SrganFixtures.smallModel(4));
        Volume hr = NodeTestKit.ch2betCrop(24);
        Volume lr = Degrader.of(2).apply(hr);
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES, NodeTestKit.row(NonFiniteNodeCheck.ROW,
            NodeTestKit.cell(hr), NodeTestKit.cell(NonFiniteNodeCheck.poisoned(lr))));
        NonFiniteNodeCheck.check(predictor(), node -> {
            BufferedDataTable out = (BufferedDataTable)SrganFixtures.execute(node, port, in)[0];
            assertTrue(!NodeTestKit.rows(out).get(0).getCell(2).isMissing(), "the row is predicted");
            return NonFiniteNodeCheck.column(out, 2);
        });
    }

    @Test
    void aMemoryBoundPicksTheWindowOrRefusesTheRow() throws Exception {
        SrganModelPortObject port = new SrganModelPortObject(SrganFixtures.smallModel(4));
        // 24³ LR: its output alone needs over 2 MiB
        Volume hr = NodeTestKit.ch2betCrop(48);
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES, NodeTestKit.row("a", NodeTestKit.cell(hr),
            NodeTestKit.cell(Degrader.of(2).apply(hr))));
        SrPredictorNodeModel m = predictor();
        NodeTestKit.configureSettings(m, s -> s.addInt(SrPredictorSettings.MEMORY_KEY, 1));
        DataRow tooSmall = NodeTestKit.rows((BufferedDataTable)SrganFixtures.execute(m, port, in)[0]).get(0);
        assertTrue(tooSmall.getCell(2).isMissing());
        String w = ShimHeadless.warningMessage(m);
        assertTrue(w != null && w.contains("memory bound") && w.contains("smallest window"), w);
        NodeTestKit.configureSettings(m, s -> s.addInt(SrPredictorSettings.MEMORY_KEY, 4096));
        DataRow fits = NodeTestKit.rows((BufferedDataTable)SrganFixtures.execute(m, port, in)[0]).get(0);
        assertArrayEquals(new int[] {48, 48, 48}, NodeTestKit.volume(fits, 2).shape());
    }

    @Test
    void withoutItsOwnBoundTheNodeTakesTheMemoryBoundOfTheMrisrPreferences() throws Exception {
        String key = ComputeSettings.PROPERTY_PREFIX + ComputeSettings.PREDICT_MEMORY;
        SrganModelPortObject port = new SrganModelPortObject(SrganFixtures.smallModel(4));
        Volume hr = NodeTestKit.ch2betCrop(48);
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES, NodeTestKit.row("a", NodeTestKit.cell(hr),
            NodeTestKit.cell(Degrader.of(2).apply(hr))));
        SrPredictorNodeModel m = predictor();
        try {
            // what the preference page publishes: 1 MiB, too little for the 48^3 output of a 24^3 row
            System.setProperty(key, "1M");
            assertEquals(1L << 20, m.memoryBound());
            DataRow tooSmall = NodeTestKit.rows((BufferedDataTable)SrganFixtures.execute(m, port, in)[0]).get(0);
            assertTrue(tooSmall.getCell(2).isMissing());
            String w = ShimHeadless.warningMessage(m);
            assertTrue(w != null && w.contains("memory bound") && w.contains("smallest window"), w);
            // the node's own bound wins over the preference
            NodeTestKit.configureSettings(m, s -> s.addInt(SrPredictorSettings.MEMORY_KEY, 4096));
            assertEquals(4096L << 20, m.memoryBound());
            DataRow fits = NodeTestKit.rows((BufferedDataTable)SrganFixtures.execute(m, port, in)[0]).get(0);
            assertArrayEquals(new int[] {48, 48, 48}, NodeTestKit.volume(fits, 2).shape());
            // a bad preference is an error naming the preferences, not a silent default
            NodeTestKit.configureSettings(m, s -> s.addInt(SrPredictorSettings.MEMORY_KEY, 0));
            System.setProperty(key, "lots");
            Exception e = assertThrows(Exception.class, () -> SrganFixtures.execute(m, port, in));
            assertTrue(e.getMessage().contains("mrisr compute preferences") && e.getMessage().contains("lots"),
                e.getMessage());
        } finally {
            System.clearProperty(key);
        }
        assertEquals(0, m.memoryBound(), "no preference, no node bound: the window option decides");
    }
}
