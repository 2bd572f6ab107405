package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.srgan.Synthetic;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The one validation: patch MSE every N steps, the lowest kept, the returned weights always scored. */
class ValidationTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.RESIZE_CONV, 4, 1, 8, 0.25, true, 0.02, false);
    private static final DiscriminatorConfig D = new DiscriminatorConfig(32, 32, 32, new int[] {4, 4}, 8, 0.3, 0.02);

    private static List<PatchPair> pairs(int count) {
        PatchPairSource s = Synthetic.source(32, 2, count);
        List<PatchPair> p = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            p.add(s.pair(i));
        }
        return p;
    }

    private static INDArray firstWeight(Generator g) {
        return g.params().get(0).value().dup();
    }

    @Test
    void validatesEveryStepAndReportsEachNewLowestMse(@TempDir Path dir) throws Exception {
        // a high learning rate: the weights, and so the scores, change noticeably from step to step
        Trainer t = new Trainer(G, D, TrainingConfig.defaults().withSteps(5).withLearningRates(3e-2, 1e-3));
        List<StepReport> best = new ArrayList<>();
        Map<Long, INDArray> bestWeights = new HashMap<>();
        t.setValidation(1, new Validation(pairs(2)), r -> {
            best.add(r);
            bestWeights.put(r.step(), firstWeight(t.generator()));
        });
        List<StepReport> reports = new ArrayList<>();
        List<INDArray> weights = new ArrayList<>();
        t.train(Synthetic.source(32, 2, 2), r -> {
            reports.add(r);
            weights.add(firstWeight(t.generator()));
        }, null);
        double min = Double.POSITIVE_INFINITY;
        int argmin = -1;
        for (int i = 0; i < reports.size(); i++) {
            double v = reports.get(i).validation();
            assertTrue(v > 0 && Double.isFinite(v), "step " + (i + 1) + " validated: " + v);
            if (v < min) {
                min = v;
                argmin = i;
            }
        }
        assertEquals(min, t.bestValidationMse(), 0);
        StepReport last = best.get(best.size() - 1);
        assertEquals(argmin + 1, last.step(), "the listener heard of the lowest MSE last");
        assertEquals(weights.get(argmin), bestWeights.get(last.step()), "the generator held the weights that scored it");
        for (int i = 1; i < best.size(); i++) {
            assertTrue(best.get(i).validation() < best.get(i - 1).validation(), "only improvements are reported");
        }

        // the lowest MSE survives a checkpoint: a resumed run reports only a lower one
        Path ckpt = dir.resolve("c.ckpt");
        t.saveCheckpoint(ckpt);
        assertEquals(min, Trainer.resume(ckpt, 0).bestValidationMse(), 0);
    }

    @Test
    void everyZeroValidatesAfterTheLastStepAndAStoppedRunScoresItsReturnedWeights() throws Exception {
        Trainer t = new Trainer(G, D, TrainingConfig.defaults().withSteps(3).withLearningRates(1e-3, 1e-3));
        t.setValidation(0, new Validation(pairs(1)), null);
        List<StepReport> reports = new ArrayList<>();
        TrainingResult r = t.train(Synthetic.source(32, 2, 2), reports::add, null);
        assertTrue(Double.isNaN(reports.get(0).validation()) && Double.isNaN(reports.get(1).validation()));
        assertFalse(Double.isNaN(reports.get(2).validation()), "the last step is validated");
        assertEquals(reports.get(2), r.last());

        Trainer s = new Trainer(G, D, TrainingConfig.defaults().withSteps(10).withLearningRates(1e-3, 1e-3));
        s.setValidation(4, new Validation(pairs(1)), null);
        List<StepReport> seen = new ArrayList<>();
        TrainingResult stopped = s.train(Synthetic.source(32, 2, 2), seen::add, () -> seen.size() >= 2);
        assertTrue(stopped.cancelled());
        assertEquals(2, stopped.last().step());
        assertTrue(Double.isNaN(seen.get(1).validation()), "step 2 is not a validation step");
        assertEquals(new Validation(pairs(1)).mse(s.generator()), stopped.last().validation(), 0,
                "the result carries the score of the weights it returns");
    }

    @Test
    void mseIsTheMeanOverEveryVoxelAndLeavesTheGeneratorUnchanged() {
        Generator g = new Generator(G, 3);
        List<PatchPair> p = pairs(3);
        List<INDArray> before = new ArrayList<>();
        for (Param q : g.params()) {
            before.add(q.value().dup());
        }
        double all = new Validation(p).mse(g);
        double sum = 0;
        for (PatchPair q : p) {
            sum += new Validation(List.of(q)).mse(g);
        }
        // equal-sized patches: the mean over all voxels is the mean of the per-patch means
        assertEquals(sum / p.size(), all, 1e-6 * all);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), g.params().get(i).value(), "validation changed " + g.params().get(i).name());
        }
        assertThrows(InvalidInputException.class, () -> new Validation(List.of()));
    }
}
