package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.Synthetic;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.nd4j.linalg.api.ndarray.INDArray;

class ValidationTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.RESIZE_CONV, 4, 1, 8, 0.25, true, 0.02, false);
    private static final DiscriminatorConfig D = new DiscriminatorConfig(32, 32, 32, new int[] {4, 4}, 8, 0.3, 0.02);

    @Test
    void keepsTheBestScoringModel(@TempDir Path dir) throws Exception {
        Trainer t = new Trainer(G, D, TrainingConfig.defaults().withSteps(3).withLearningRates(1e-2, 1e-3));
        double[] scores = {1, 3, 2};
        List<INDArray> weights = new ArrayList<>();
        int[] call = {0};
        Path best = dir.resolve("best.mrisr");
        t.setValidation(1, m -> {
            weights.add(m.generator().params().get(0).value().dup());
            return scores[call[0]++];
        }, best, ModelInfo.empty(1));
        List<StepReport> reports = new ArrayList<>();
        t.train(Synthetic.source(32, 2, 2), reports::add, null);
        assertEquals(3, call[0]);
        assertEquals(3.0, t.bestValidationScore(), 0);
        assertEquals(3.0, reports.get(1).validation(), 0);
        assertEquals(weights.get(1), SrModel.load(best).generator().params().get(0).value());
        assertTrue(!weights.get(1).equals(weights.get(2)), "weights changed after the best step");

        // the best score survives a checkpoint
        Path ckpt = dir.resolve("c.ckpt");
        t.saveCheckpoint(ckpt);
        assertEquals(3.0, Trainer.resume(ckpt, 0).bestValidationScore(), 0);
    }

    @Test
    void psnrValidationScoresWholeVolumePredictions() {
        float[] hr = Synthetic.hr(32, 3);
        float[] lr = Synthetic.downsample(hr, 32, 2);
        for (int i = 0; i < hr.length; i++) {
            hr[i] = 1 + hr[i];
        }
        for (int i = 0; i < lr.length; i++) {
            lr[i] = 1 + lr[i];
        }
        Volume l = new Volume(16, 16, 16, lr, Affine.identity());
        Volume h = new Volume(32, 32, 32, hr, Affine.identity());
        SrModel m = new SrModel(new Generator(G, 1), ModelInfo.empty(1));
        double psnr = new PsnrValidation(List.of(l), List.of(h), new PredictOptions(8, 2, Blending.GAUSSIAN))
                .score(m);
        assertTrue(Double.isFinite(psnr) && psnr > 0 && psnr < 60, "psnr " + psnr);
    }
}
