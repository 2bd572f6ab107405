package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.Synthetic;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

import com.google.gson.JsonObject;

/** The one training pipeline: record, validation and best model, time budget, checkpoint and resume, warm start. */
class TrainingJobTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 4, 1, 8, 0.25, true, 0.02, false);
    private static final int[] PATCH = {32, 32, 32};

    /** Synthetic pairs that describe themselves as a data source would. */
    private static TrainingData data() {
        PatchPairSource pairs = Synthetic.source(32, 2, 3);
        JsonObject deg = new JsonObject();
        deg.addProperty("pairs", "synthetic");
        JsonObject provenance = new JsonObject();
        provenance.addProperty("source_note", "three synthetic patches");
        TrainingInput input = new TrainingInput(deg, provenance, new double[] {2, 2, 2}, 0.25, null);
        return new TrainingData() {
            @Override
            public PatchPair pair(long index) {
                return pairs.pair(index);
            }

            @Override
            public TrainingInput input() {
                return input;
            }
        };
    }

    private static TrainingConfig config(long steps) {
        return TrainingConfig.defaults().withSteps(steps).withLearningRates(1e-3, 1e-3);
    }

    @Test
    void recordsTheRunWithTheDataKeysAndKeepsTheBestValidatedModel(@TempDir Path dir) throws Exception {
        List<PatchPair> held = List.of(Synthetic.source(32, 2, 5).pair(4));
        Path best = dir.resolve("best.mrisr");
        TrainingJob.Spec spec = TrainingJob.Spec.of(G, PATCH, config(3)).withValidation(new Validation(held), 1, best);
        List<StepReport> reports = new ArrayList<>();
        TrainingJob.Result r = TrainingJob.run(data(), spec, reports::add, null);

        JsonObject t = r.model().info().training();
        List<String> keys = t.entrySet().stream().map(Map.Entry::getKey).toList();
        assertEquals(List.of("completed_steps", "planned_steps", "cancelled", "seconds", "hr_patch", "batch", "lr_g", "lr_d",
                "adversarial_weight", "mse_weight", "gdl_weight", "pretrain_steps", "labels", "augment", "warm_start",
                "source_note", "final_mse", "final_gdl", "final_d_loss", "final_adversarial", "final_validation_mse"), keys);
        assertEquals(3, t.get("completed_steps").getAsLong());
        assertFalse(t.get("cancelled").getAsBoolean());
        assertEquals("one_sided", t.get("labels").getAsString());
        assertEquals(reports.get(2).mse(), t.get("final_mse").getAsDouble(), 0);
        assertEquals(reports.get(2).validation(), t.get("final_validation_mse").getAsDouble(), 0);
        assertEquals("synthetic", r.model().info().degradation().get("pairs").getAsString());
        assertEquals(0.25, r.model().info().lrMeanNormalised(), 0);

        int argmin = 0;
        for (int i = 1; i < reports.size(); i++) {
            if (reports.get(i).validation() < reports.get(argmin).validation()) {
                argmin = i;
            }
        }
        SrModel kept = SrModel.load(best);
        assertEquals(argmin + 1, kept.info().training().get("completed_steps").getAsLong(),
                "the best model's record is that of the step that scored lowest");
        assertEquals(reports.get(argmin).validation(), kept.info().training().get("final_validation_mse").getAsDouble(), 0);
    }

    @Test
    void cancelKeepsACheckpointToResumeBitIdenticallyAndATimeBudgetEndsLikeACancel(@TempDir Path dir) throws Exception {
        TrainingJob.Result full = TrainingJob.run(data(), TrainingJob.Spec.of(G, PATCH, config(3)), null, null);

        Path ckpt = dir.resolve("run.ckpt");
        int[] steps = {0};
        TrainingJob.Result first = TrainingJob.run(data(), TrainingJob.Spec.of(G, PATCH, config(3)).withCheckpoint(ckpt),
                s -> steps[0]++, () -> steps[0] >= 1);
        assertEquals(1, first.training().completedSteps());
        assertTrue(first.training().cancelled());
        assertFalse(first.outOfTime(), "a cancel is not a time budget");
        assertTrue(first.model().info().training().get("cancelled").getAsBoolean());
        assertTrue(Files.isRegularFile(ckpt), "the final checkpoint is written when training is cancelled");

        TrainingJob.Result resumed = TrainingJob.run(data(), TrainingJob.Spec.of(G, PATCH, config(3)).resumingFrom(ckpt),
                null, null);
        assertEquals(3, resumed.training().completedSteps());
        assertEquals(0.0, maxDiff(full.model(), resumed.model()), "resumed = uninterrupted");
        assertTrue(resumed.model().info().training().get("seconds").getAsDouble() > first.model().info().training()
                .get("seconds").getAsDouble(), "the record's seconds are the whole training's");

        // a budget far below one step: time is up at the first check
        TrainingJob.Result late = TrainingJob.run(data(), TrainingJob.Spec.of(G, PATCH, config(4)).withTimeBudget(1e-9),
                null, null);
        assertTrue(late.outOfTime());
        assertTrue(late.training().cancelled());
        assertEquals(0, late.model().info().training().get("completed_steps").getAsLong());
        assertFalse(late.model().info().training().has("final_mse"), "no step ran, so no final losses");
    }

    @Test
    void warmStartBeginsFromTheModelsWeightsAndIsRecorded() throws Exception {
        TrainingJob.Result first = TrainingJob.run(data(), TrainingJob.Spec.of(G, PATCH, config(1)), null, null);
        SrModel warm = first.model();
        TrainingConfig tiny = TrainingConfig.defaults().withSteps(1).withLearningRates(1e-12, 1e-12).withSeed(99);
        SrModel tuned = TrainingJob.run(data(), TrainingJob.Spec.of(G, PATCH, tiny).warmStartingFrom(warm), null, null)
                .model();
        assertTrue(tuned.info().training().get("warm_start").getAsBoolean());
        // learning rate 1e-12: one Adam step moves each weight by about 1e-12 (seed 99's random init would differ)
        assertTrue(maxDiff(warm, tuned) < 1e-6, "warm start vs tuned " + maxDiff(warm, tuned));
        assertFalse(first.model().info().training().get("warm_start").getAsBoolean());
    }

    @Test
    void aPatchTheDiscriminatorCannotTakeIsRefusedBeforeTraining() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainingJob.Spec.of(G, new int[] {16, 16, 16}, config(1)));
        assertTrue(e.getMessage().contains("at least 32 voxels"), e.getMessage());
    }

    private static double maxDiff(SrModel a, SrModel b) {
        List<Param> pa = a.generator().trainable();
        List<Param> pb = b.generator().trainable();
        double max = 0;
        for (int i = 0; i < pa.size(); i++) {
            max = Math.max(max, pa.get(i).value().sub(pb.get(i).value()).amaxNumber().doubleValue());
        }
        return max;
    }
}
