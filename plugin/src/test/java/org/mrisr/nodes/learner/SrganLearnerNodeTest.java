package org.mrisr.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/** The SRGAN Learner through the shim on real patches (ch2bet crop, HR 32³, 2 steps). */
class SrganLearnerNodeTest {
    private static BufferedDataTable patches;

    @BeforeAll
    static void extract() throws Exception {
        patches = SrganFixtures.patches(48, 3);
    }

    static SrganLearnerNodeModel learner(final int steps) throws InvalidSettingsException {
        SrganLearnerNodeModel m = new SrganLearnerNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addInt("steps", steps);
            s.addInt("batch_size", 2);
            s.addDouble("learning_rate_g", 1e-3);
            s.addInt("seed", 7);
        });
        return m;
    }

    private static PortObjectSpec[] configure(final SrganLearnerNodeModel m, final PortObjectSpec... in)
        throws InvalidSettingsException {
        return ShimHeadless.configure(m, in);
    }

    @Test
    void configureExplainsMissingAndWrongColumns() throws Exception {
        SrganLearnerNodeModel m = learner(2);
        DataTableSpec noPatches = NodeTestKit.spec("HR", VolumeCell.TYPE, "LR", VolumeCell.TYPE);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> configure(m, noPatches, null, null));
        assertTrue(e.getMessage().contains("Training table: HR patch column") && e.getMessage().contains("'HR', 'LR'"),
            e.getMessage());
        DataTableSpec stringHr = NodeTestKit.spec("HR patch", StringCell.TYPE, "LR patch", VolumeCell.TYPE, "Source row",
            StringCell.TYPE);
        e = assertThrows(InvalidSettingsException.class, () -> configure(m, stringHr, null, null));
        assertTrue(e.getMessage().contains("not volumes"), e.getMessage());
        DataTableSpec ok = patches.getDataTableSpec();
        DataTableSpec badValidation = NodeTestKit.spec("HR patch", VolumeCell.TYPE);
        e = assertThrows(InvalidSettingsException.class, () -> configure(m, ok, badValidation, null));
        assertTrue(e.getMessage().startsWith("Validation table: LR patch column"), e.getMessage());
        PortObjectSpec[] out = configure(m, ok, null, null);
        SrganModelPortObjectSpec spec = (SrganModelPortObjectSpec)out[0];
        assertEquals(2, spec.factor());
        assertEquals(UpsamplingMethod.SUBPIXEL_NN, spec.upsampling());
        assertTrue(spec.summary().contains("2 steps planned"), spec.summary());
        assertEquals(HistoryTable.spec(), out[1]);
    }

    @Test
    void configureRefusesAWarmStartModelOfAnotherArchitectureAndBadSettings() throws Exception {
        SrganLearnerNodeModel m = learner(2);
        SrganModelPortObjectSpec x4 = new SrganModelPortObjectSpec(4, UpsamplingMethod.SUBPIXEL_NN, "n", "s");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> configure(m, patches.getDataTableSpec(), null, x4));
        assertTrue(e.getMessage().contains("warm-start model is x4"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configureSettings(m, s -> {
            s.addInt("checkpoint_every", 5);
        }));
        assertTrue(e.getMessage().contains("no checkpoint folder"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configureSettings(m, s -> {
            s.addInt("factor", 3);
        }));
        assertTrue(e.getMessage().contains("not a power of two"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configureSettings(m, s -> {
            s.addString("labels", "two-sided");
        }));
        assertTrue(e.getMessage().contains("one-sided"), e.getMessage());
    }

    @Test
    void trainsTwoStepsGivingModelHistoryValidationAndProgress() throws Exception {
        List<String> messages = new ArrayList<>();
        SrganLearnerNodeModel m = learner(1000);
        // one epoch over 3 patches in batches of 2: 2 steps
        NodeTestKit.configureSettings(m, s -> s.addInt("epochs", 1));
        ShimHeadless.configure(m, patches.getDataTableSpec(), patches.getDataTableSpec(), null);
        PortObject[] out = ShimHeadless.execute(m, ShimHeadless.executionContext(new DefaultNodeProgressMonitor() {
            @Override
            public void setMessage(final String message) {
                super.setMessage(message);
                messages.add(message);
            }
        }), patches, patches, null);
        SrganModelPortObject model = (SrganModelPortObject)out[0];
        assertEquals(2, model.getSpec().factor());
        assertTrue(model.getSpec().summary().startsWith("2/2 steps"), model.getSpec().summary());
        assertEquals(2, model.model().info().training().get("completed_steps").getAsLong());
        assertEquals(3, model.model().info().training().get("patches").getAsInt());
        assertNotNull(model.model().info().lrVoxelSize());
        List<DataRow> history = NodeTestKit.rows((BufferedDataTable)out[1]);
        assertEquals(2, history.size());
        assertEquals(2, ((LongValue)history.get(1).getCell(0)).getLongValue());
        double mse = ((DoubleValue)history.get(1).getCell(5)).getDoubleValue();
        assertTrue(mse > 0 && Double.isFinite(mse), "G MSE " + mse);
        assertTrue(history.get(0).getCell(11).isMissing(), "validation only after the last step");
        double val = ((DoubleValue)history.get(1).getCell(11)).getDoubleValue();
        assertTrue(val > 0 && Double.isFinite(val), "validation MSE " + val);
        assertTrue(messages.stream().anyMatch(s -> s != null && s.matches("epoch 1/1 \u00b7 step 1/2 \u00b7 ETA .*")),
            messages.toString());

    }

    @Test
    void stopButtonKeepsTheModelAndCancelWritesItToTheCheckpointFolder(@TempDir final Path dir) throws Exception {
        SrganLearnerNodeModel m = learner(50);
        PortObject[] out;
        ShimHeadless.configure(m, patches.getDataTableSpec(), patches.getDataTableSpec(), null);
        out = ShimHeadless.execute(m, ShimHeadless.executionContext(new DefaultNodeProgressMonitor() {
            @Override
            public void setMessage(final String message) {
                super.setMessage(message);
                if (message != null && message.contains("step 1/")) {
                    m.history().requestStop();
                }
            }
        }), patches, patches, null);
        SrganModelPortObject model = (SrganModelPortObject)out[0];
        assertEquals(1, model.model().info().training().get("completed_steps").getAsLong());
        List<DataRow> history = NodeTestKit.rows((BufferedDataTable)out[1]);
        assertEquals(1, history.size());
        assertTrue(((DoubleValue)history.get(0).getCell(11)).getDoubleValue() > 0, "the returned model is validated");
        assertTrue(model.model().info().training().has("final_validation_mse"));
        assertTrue(model.model().info().training().get("cancelled").getAsBoolean());
        assertTrue(ShimHeadless.warningMessage(m).contains("stopped from the learning monitor after 1 of 50"),
            ShimHeadless.warningMessage(m));

        SrganLearnerNodeModel c = learner(50);
        NodeTestKit.configureSettings(c, s -> s.addString("checkpoint_folder", dir.toString()));
        ShimHeadless.configure(c, patches.getDataTableSpec(), null, null);
        DefaultNodeProgressMonitor cancelling = new DefaultNodeProgressMonitor() {
            @Override
            public void setMessage(final String message) {
                super.setMessage(message);
                if (message != null && message.contains("step 1/")) {
                    setExecuteCanceled();
                }
            }
        };
        CanceledExecutionException e = assertThrows(CanceledExecutionException.class,
            () -> ShimHeadless.execute(c, ShimHeadless.executionContext(cancelling), patches, null, null));
        Path saved = dir.resolve(CheckpointFolder.CANCEL_MODEL_FILE);
        assertTrue(e.getMessage().contains(saved.toString()), e.getMessage());
        assertTrue(Files.exists(dir.resolve(CheckpointFolder.CHECKPOINT_FILE)));
        SrModel kept = SrModel.load(saved);
        assertEquals(1, kept.info().training().get("completed_steps").getAsLong());
    }

    @Test
    void withACheckpointFolderTheBestValidatedModelIsKept(@TempDir final Path dir) throws Exception {
        SrganLearnerNodeModel m = learner(3);
        NodeTestKit.configureSettings(m, s -> {
            s.addString("checkpoint_folder", dir.toString());
            s.addInt("validation_every", 1);
        });
        PortObject[] out = SrganFixtures.execute(m, patches, patches, null);
        List<DataRow> history = NodeTestKit.rows((BufferedDataTable)out[1]);
        double lowest = Double.POSITIVE_INFINITY;
        long at = -1;
        for (DataRow r : history) {
            double v = ((DoubleValue)r.getCell(11)).getDoubleValue();
            if (v < lowest) {
                lowest = v;
                at = ((LongValue)r.getCell(0)).getLongValue();
            }
        }
        SrModel best = SrModel.load(dir.resolve(CheckpointFolder.BEST_MODEL_FILE));
        assertEquals(at, best.info().training().get("completed_steps").getAsLong());
        assertEquals(lowest, best.info().training().get("final_validation_mse").getAsDouble(), 0);
        assertEquals(3, best.info().training().get("patches").getAsInt(), "the node's provenance keys are recorded");
        assertTrue(Files.exists(dir.resolve(CheckpointFolder.CHECKPOINT_FILE)));
    }

    @Test
    void warmStartCopiesTheGeneratorWeightsAndTrainingIsSeeded() throws Exception {
        PortObject[] first = SrganFixtures.execute(learner(1), patches, null, null);
        SrganModelPortObject warm = (SrganModelPortObject)first[0];
        SrganLearnerNodeModel m = learner(1);
        NodeTestKit.configureSettings(m, s -> s.addDouble("learning_rate_g", 1e-12));
        PortObject[] out = SrganFixtures.execute(m, patches, null, warm);
        SrganModelPortObject tuned = (SrganModelPortObject)out[0];
        assertTrue(tuned.model().info().training().get("warm_start").getAsBoolean());
        // lr 1e-12: one Adam step moves each weight by about 1e-12, so the tuned weights are the warm-start
        // model's; a differently seeded model's are not
        SrganLearnerNodeModel fresh = learner(1);
        NodeTestKit.configureSettings(fresh, s -> s.addInt("seed", 99));
        SrganModelPortObject other = (SrganModelPortObject)SrganFixtures.execute(fresh, patches, null, null)[0];
        SrganModelPortObject same = (SrganModelPortObject)SrganFixtures.execute(learner(1), patches, null, null)[0];
        assertEquals(0.0, maxDiff(warm, same), "same seed and data give the same weights");
        assertTrue(maxDiff(warm, tuned) < 1e-6, "warm start vs tuned " + maxDiff(warm, tuned));
        assertTrue(maxDiff(warm, other) > 1e-3, "warm start vs other seed " + maxDiff(warm, other));
    }

    private static double maxDiff(final SrganModelPortObject a, final SrganModelPortObject b) {
        List<Param> pa = a.model().generator().trainable();
        List<Param> pb = b.model().generator().trainable();
        double max = 0;
        for (int i = 0; i < pa.size(); i++) {
            max = Math.max(max, pa.get(i).value().sub(pb.get(i).value()).amaxNumber().doubleValue());
        }
        return max;
    }
}
