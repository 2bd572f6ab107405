package org.mrisr.engine.srgan.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;

/**
 * One complete training run, the one pipeline of {@code ./mrisr train}, the demo and the SRGAN
 * Learner node: each feeds its {@link TrainingData} (the CLI a {@link DegradedPatchSource} cut from
 * volumes, the node its patch table), a {@link Spec}, a listener and a cancel flag. The job starts
 * fresh, from a checkpoint or from a trained model, validates and keeps the best model when asked,
 * trains under a step and time budget with cancellation, writes the final checkpoint, and returns
 * the model with its record ({@link TrainingRecord}) filled in.
 */
public final class TrainingJob {
    /**
     * What to train. Build with {@link #of} and the {@code with…} methods.
     *
     * @param generator     the generator to train (ignored when resuming: the checkpoint's wins)
     * @param hrPatch       HR patch size (x, y, z) of the pairs; sizes the discriminator
     * @param config        optimiser, losses, steps, seed, checkpoint interval
     * @param maxSeconds    wall-time budget (0: none); reaching it ends training like a cancel
     * @param checkpoint    where checkpoints go (null: none)
     * @param resumeFrom    checkpoint to continue from (null: start fresh)
     * @param warmStart     model whose generator weights start training (null: random init)
     * @param validation    held-out pairs scored during training (null: no validation)
     * @param validateEvery validation interval in steps (0: after the last step only)
     * @param bestModel     where the model with the lowest validation MSE so far is written (null: not kept)
     */
    public record Spec(GeneratorConfig generator, int[] hrPatch, TrainingConfig config, double maxSeconds,
            Path checkpoint, Path resumeFrom, SrModel warmStart, Validation validation, long validateEvery,
            Path bestModel) {

        public Spec {
            hrPatch = hrPatch.clone();
            // refuses a patch the discriminator cannot take before any data is read
            DiscriminatorConfig.paper(hrPatch[0], hrPatch[1], hrPatch[2]);
        }

        /** Training from random weights, no time budget, checkpoints or validation. */
        public static Spec of(GeneratorConfig generator, int[] hrPatch, TrainingConfig config) {
            return new Spec(generator, hrPatch, config, 0, null, null, null, null, 0, null);
        }

        @Override
        public int[] hrPatch() {
            return hrPatch.clone();
        }

        public Spec withTimeBudget(double seconds) {
            return new Spec(generator, hrPatch, config, seconds, checkpoint, resumeFrom, warmStart, validation,
                    validateEvery, bestModel);
        }

        public Spec withCheckpoint(Path file) {
            return new Spec(generator, hrPatch, config, maxSeconds, file, resumeFrom, warmStart, validation,
                    validateEvery, bestModel);
        }

        public Spec resumingFrom(Path file) {
            return new Spec(generator, hrPatch, config, maxSeconds, checkpoint, file, warmStart, validation,
                    validateEvery, bestModel);
        }

        public Spec warmStartingFrom(SrModel model) {
            return new Spec(generator, hrPatch, config, maxSeconds, checkpoint, resumeFrom, model, validation,
                    validateEvery, bestModel);
        }

        /** Validates on {@code v} every {@code every} steps (0: after the last); {@code best} may be null. */
        public Spec withValidation(Validation v, long every, Path best) {
            return new Spec(generator, hrPatch, config, maxSeconds, checkpoint, resumeFrom, warmStart, v, every, best);
        }
    }

    /** The outcome: the model (last completed step), how training ended, and this run's wall time. */
    public record Result(SrModel model, TrainingResult training, boolean outOfTime, double seconds) {
    }

    private TrainingJob() {
    }

    public static Result run(TrainingData data, Spec spec, TrainingListener listener, BooleanSupplier cancel)
            throws IOException {
        Trainer trainer = trainer(spec);
        if (spec.checkpoint() != null) {
            trainer.setCheckpointPath(spec.checkpoint());
        }
        if (spec.validation() != null) {
            trainer.setValidation(spec.validateEvery(), spec.validation(), spec.bestModel() == null ? null
                    : best -> model(data, spec, trainer, new TrainingResult(best.step(), false, best))
                            .save(spec.bestModel()));
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
        TrainingResult r = trainer.train(data, listener, stop);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (spec.checkpoint() != null) {
            trainer.saveCheckpoint(spec.checkpoint());
        }
        return new Result(model(data, spec, trainer, r), r, outOfTime[0], seconds);
    }

    private static Trainer trainer(Spec spec) {
        if (spec.resumeFrom() != null) {
            return Trainer.resume(spec.resumeFrom(), spec.config().steps());
        }
        int[] p = spec.hrPatch();
        Trainer t = new Trainer(spec.generator(), p[0], p[1], p[2], spec.config());
        if (spec.warmStart() != null) {
            WarmStart.copyGenerator(spec.warmStart().generator(), t.generator(), "warm-start model");
        }
        return t;
    }

    /** The trainer's generator with the record of this run; model.json's seconds are the whole training's. */
    private static SrModel model(TrainingData data, Spec spec, Trainer trainer, TrainingResult r) {
        ModelInfo info = TrainingRecord.info(data.input(), trainer.config(), spec.hrPatch(), r, trainer.totalSeconds(),
                spec.warmStart() != null);
        return new SrModel(trainer.generator(), info);
    }

    /** The degrader matching a model's training: σ in voxels, factor r, order, prefilter. */
    public static Degrader degrader(int factor, double sigma, int order, boolean prefilter) {
        return Degrader.of(factor).withSigma(sigma).withOrder(order).withPrefilter(prefilter);
    }
}
