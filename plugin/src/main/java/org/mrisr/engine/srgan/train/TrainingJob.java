package org.mrisr.engine.srgan.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * One complete training run on real volumes, shared by {@code ./mrisr train}, the demo and the
 * SRGAN Learner node: builds the patch source from HR volumes, starts fresh, from a checkpoint or
 * from a trained model, trains under a step and time budget with cancellation, and returns the
 * model with its provenance ({@link ModelInfo}) filled in.
 */
public final class TrainingJob {
    /**
     * What to train.
     *
     * @param factor        isotropic factor r
     * @param method        upsampling method
     * @param hrPatch       HR patch size (x, y, z), multiples of r
     * @param config        optimiser, losses, steps, seed, checkpoint interval
     * @param degrader      LR simulation (σ, order, prefilter) with factor r on every axis
     * @param minForeground wanted fraction of brain voxels per patch
     * @param maxSeconds    wall-time budget (0: none); reaching it ends training like a cancel
     * @param checkpoint    where checkpoints go (null: none)
     * @param resumeFrom    checkpoint to continue from (null: start fresh)
     * @param warmStart     model whose generator weights start training (null: random init)
     * @param inputSkip     generator adds the nearest-upsampled input ({@link GeneratorConfig#inputSkip()})
     */
    public record Spec(int factor, UpsamplingMethod method, int[] hrPatch, TrainingConfig config, Degrader degrader,
            double minForeground, double maxSeconds, Path checkpoint, Path resumeFrom, SrModel warmStart,
            boolean inputSkip) {

        /** The paper's generator (no input skip). */
        public Spec(int factor, UpsamplingMethod method, int[] hrPatch, TrainingConfig config, Degrader degrader,
                double minForeground, double maxSeconds, Path checkpoint, Path resumeFrom, SrModel warmStart) {
            this(factor, method, hrPatch, config, degrader, minForeground, maxSeconds, checkpoint, resumeFrom, warmStart,
                    false);
        }
    }

    /** The outcome: the model (last completed step) and how training ended. */
    public record Result(SrModel model, TrainingResult training, boolean outOfTime, double seconds) {
    }

    private TrainingJob() {
    }

    public static Result run(List<Supplier<Volume>> volumes, List<String> names, Spec spec, TrainingListener listener,
            BooleanSupplier cancel) throws IOException {
        DegradedPatchSource source = new DegradedPatchSource(volumes, names, spec.hrPatch(), spec.factor(), spec.degrader(),
                spec.minForeground(), spec.config().seed(), 2);
        Trainer trainer;
        if (spec.resumeFrom() != null) {
            trainer = Trainer.resume(spec.resumeFrom(), spec.config().steps());
        } else {
            trainer = new Trainer(GeneratorConfig.paper(spec.factor(), spec.method()).withInputSkip(spec.inputSkip()), spec.hrPatch()[0], spec.hrPatch()[1],
                    spec.hrPatch()[2], spec.config());
            if (spec.warmStart() != null) {
                WarmStart.copyGenerator(spec.warmStart().generator(), trainer.generator(), "warm-start model");
            }
        }
        if (spec.checkpoint() != null) {
            trainer.setCheckpointPath(spec.checkpoint());
        }
        long t0 = System.nanoTime();
        boolean[] outOfTime = {false};
        BooleanSupplier stop = () -> {
            if (cancel != null && cancel.getAsBoolean()) {
                return true;
            }
            if (spec.maxSeconds() > 0 && (System.nanoTime() - t0) / 1e9 >= spec.maxSeconds()) {
                outOfTime[0] = true;
                return true;
            }
            return false;
        };
        TrainingResult r = trainer.train(source, listener, stop);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (spec.checkpoint() != null) {
            trainer.saveCheckpoint(spec.checkpoint());
        }
        // model.json records the whole training time, earlier runs of a resumed training included
        ModelInfo info = info(volumes.get(0).get(), names, spec, trainer, r, trainer.totalSeconds());
        return new Result(new SrModel(trainer.generator(), info), r, outOfTime[0], seconds);
    }

    private static ModelInfo info(Volume first, List<String> names, Spec spec, Trainer trainer, TrainingResult r,
            double seconds) {
        JsonObject deg = new JsonObject();
        double[] sigma = spec.degrader().sigmaVoxelsFor(first);
        JsonArray s = new JsonArray();
        for (double v : sigma) {
            s.add(v);
        }
        deg.add("sigma_voxels", s);
        deg.addProperty("factor", spec.factor());
        deg.addProperty("order", spec.degrader().order());
        deg.addProperty("prefilter", spec.degrader().prefilter());
        deg.addProperty("pairs", "LR patch cut from the whole-volume degradation at LR origin o, HR patch at r*o");
        deg.addProperty("normalisation", "(x - m/2)/(m/2), m = max of the whole degraded LR volume");

        JsonObject tr = new JsonObject();
        tr.addProperty("completed_steps", r.completedSteps());
        tr.addProperty("planned_steps", trainer.config().steps());
        tr.addProperty("cancelled", r.cancelled());
        tr.addProperty("seconds", seconds);
        JsonArray p = new JsonArray();
        for (int v : spec.hrPatch()) {
            p.add(v);
        }
        tr.add("hr_patch", p);
        tr.addProperty("batch", trainer.config().batchSize());
        tr.addProperty("lr_g", trainer.config().learningRateG());
        tr.addProperty("lr_d", trainer.config().learningRateD());
        tr.addProperty("adversarial_weight", trainer.config().adversarialWeight());
        tr.addProperty("mse_weight", trainer.config().mseWeight());
        tr.addProperty("gdl_weight", trainer.config().gdlWeight());
        tr.addProperty("pretrain_steps", trainer.config().pretrainSteps());
        tr.addProperty("labels", trainer.config().labels().name().toLowerCase(Locale.ROOT));
        tr.addProperty("augment", trainer.config().augment());
        tr.addProperty("warm_start", spec.warmStart() != null);
        JsonArray data = new JsonArray();
        names.forEach(data::add);
        tr.add("data", data);
        if (r.last() != null) {
            tr.addProperty("final_mse", r.last().mse());
            tr.addProperty("final_gdl", r.last().gdl());
            tr.addProperty("final_d_loss", r.last().dLoss());
            tr.addProperty("final_adversarial", r.last().adversarial());
        }
        double[] vs = first.voxelSize();
        double[] lrVs = {vs[0] * spec.factor(), vs[1] * spec.factor(), vs[2] * spec.factor()};
        Volume lr = spec.degrader().apply(first);
        NormalizationParams norm = Normalizer.halfMax().fit(lr);
        double mean = InputCheck.meanNormalised(Normalizer.apply(lr, norm).data());
        return new ModelInfo(deg, tr, trainer.config().seed(), lrVs, mean, norm);
    }

    /** The degrader matching a model's training: σ in voxels, factor r, order, prefilter. */
    public static Degrader degrader(int factor, double sigma, int order, boolean prefilter) {
        return Degrader.of(factor).withSigma(sigma).withOrder(order).withPrefilter(prefilter);
    }
}
