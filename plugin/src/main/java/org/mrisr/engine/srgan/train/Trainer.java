package org.mrisr.engine.srgan.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Adam;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.nn.BufferPool;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.Workspaces;
import org.mrisr.engine.srgan.io.CheckpointFile;
import org.mrisr.engine.srgan.io.ConfigJson;
import org.mrisr.engine.srgan.io.ModelFile;
import org.mrisr.engine.srgan.net.Discriminator;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonObject;

/**
 * SRGAN training: per batch one discriminator step (real and fake batches, least squares) then one
 * generator step (α·adversarial + MSE + GDL), each with its own Adam.
 *
 * <p>Deterministic on CPU: weights, augmentation and label noise derive from the seed and the
 * step/example index, examples come from {@link PatchPairSource#pair} by index, so the same seed
 * and source give the same weights, and a run resumed from a checkpoint continues bit-identically.
 * All activations of a step live in one workspace whose memory is reused by the next step.
 *
 * <p>Validation ({@link #setValidation}): the generator is scored on held-out pairs every N steps,
 * after the last step, and when training stops early (so the returned weights are always scored);
 * the lowest validation MSE so far is kept (also across checkpoints) and reported to a listener,
 * which may save that model.
 */
public final class Trainer {
    /** Told when a validation gives the lowest MSE so far; the generator then holds the weights that scored it. */
    @FunctionalInterface
    public interface BestModelListener {
        void onBest(StepReport report) throws IOException;
    }

    private static final String WORKSPACE = "mrisr-train";
    // each discriminator pass (real, fake, adversarial) runs in this inner workspace, reset after
    // its backward: only one pass's activations are held at a time, next to the generator's
    private static final String D_WORKSPACE = "mrisr-train-d";
    private static final long AUGMENT_STREAM = 0xA5A5L;
    private static final long LABEL_STREAM = 0x1ABE1L;

    private final GeneratorConfig gConfig;
    private final DiscriminatorConfig dConfig;
    private final TrainingConfig config;
    private final Generator g;
    private final Discriminator d;
    private final Adam adamG;
    private final Adam adamD;
    // gradients of backward passes, reused from step to step (BufferPool)
    private final BufferPool pool = new BufferPool();
    private final boolean swapLabels;
    private long completed;
    private Path checkpointPath;
    /** Training time of earlier runs this one resumes (from the checkpoint), and of this run so far. */
    private double secondsBefore;
    private double secondsThisRun;
    private Validation validation;
    private long validateEvery;
    private BestModelListener onBest;
    private double bestMse = Double.POSITIVE_INFINITY;

    public Trainer(GeneratorConfig gConfig, DiscriminatorConfig dConfig, TrainingConfig config) {
        this(gConfig, dConfig, config, true);
    }

    /** {@code inPlace} false: the plain LeakyReLUs and residual sums, for tests of the in-place ones. */
    Trainer(GeneratorConfig gConfig, DiscriminatorConfig dConfig, TrainingConfig config, boolean inPlace) {
        this.gConfig = gConfig;
        this.dConfig = dConfig;
        this.config = config;
        this.g = new Generator(gConfig, Rng.derive(config.seed(), 1).nextLong(), inPlace);
        this.d = new Discriminator(dConfig, Rng.derive(config.seed(), 2).nextLong(), inPlace);
        this.adamG = new Adam(g.trainable(), config.learningRateG());
        this.adamD = new Adam(d.trainable(), config.learningRateD());
        // the reference code draws the swap once, when the graph is built
        this.swapLabels = config.labels() == LabelSmoothing.NOISY && Rng.derive(config.seed(), 3).nextDouble() < 0.1;
    }

    /** The paper's discriminator for HR patches of the given size (x, y, z). */
    public Trainer(GeneratorConfig gConfig, int hrX, int hrY, int hrZ, TrainingConfig config) {
        this(gConfig, DiscriminatorConfig.paper(hrX, hrY, hrZ), config);
    }

    public Generator generator() {
        return g;
    }

    public Discriminator discriminator() {
        return d;
    }

    public GeneratorConfig generatorConfig() {
        return gConfig;
    }

    public TrainingConfig config() {
        return config;
    }

    public long completedSteps() {
        return completed;
    }

    /** Where {@link TrainingConfig#checkpointEvery()} checkpoints go (null: none are written). */
    public void setCheckpointPath(Path p) {
        this.checkpointPath = p;
    }

    /**
     * Scores the generator with {@code v} every {@code every} steps (0: only after the last step),
     * after the last step, and after the last completed step when training stops early; the score
     * goes into that step's {@link StepReport#validation()}. {@code onBest} (may be null) hears of
     * each new lowest MSE.
     */
    public void setValidation(long every, Validation v, BestModelListener onBest) {
        if (every < 0) {
            throw new InvalidInputException("validation interval", "must be >= 0 (0: after the last step only), got "
                    + every);
        }
        this.validateEvery = every;
        this.validation = v;
        this.onBest = onBest;
    }

    /** Seconds spent training this model so far, over every run a checkpoint continued. */
    public double totalSeconds() {
        return secondsBefore + secondsThisRun;
    }

    /** Lowest validation MSE so far (+∞ before the first validation). */
    public double bestValidationMse() {
        return bestMse;
    }

    /**
     * Trains until {@link TrainingConfig#steps()} steps are completed or {@code cancel} returns true
     * (checked before every step; a started step always completes).
     */
    public TrainingResult train(PatchPairSource source, TrainingListener listener, BooleanSupplier cancel)
            throws IOException {
        long t0 = System.nanoTime();
        long startStep = completed;
        // a trainer may train again (e.g. after a cancel): earlier calls count as earlier runs
        secondsBefore += secondsThisRun;
        secondsThisRun = 0;
        StepReport last = null;
        try {
            while (completed < config.steps()) {
                if (cancel != null && cancel.getAsBoolean()) {
                    if (validation != null && last != null && Double.isNaN(last.validation())) {
                        // stopped between validations: score the weights that are returned
                        last = validate(last);
                    }
                    return new TrainingResult(completed, true, last);
                }
                double[] l = step(source);
                double secs = (System.nanoTime() - t0) / 1e9;
                secondsThisRun = secs;
                double eta = secs / (completed - startStep) * (config.steps() - completed);
                last = new StepReport(completed, config.steps(), l[5] > 0, l[0], l[1], l[2], l[3], l[4], Double.NaN, secs,
                        eta);
                if (validation != null && (completed == config.steps()
                        || validateEvery > 0 && completed % validateEvery == 0)) {
                    last = validate(last);
                }
                if (listener != null) {
                    listener.onStep(last);
                }
                if (checkpointPath != null && config.checkpointEvery() > 0 && completed % config.checkpointEvery() == 0) {
                    saveCheckpoint(checkpointPath);
                }
            }
            return new TrainingResult(completed, false, last);
        } finally {
            Workspaces.destroy(D_WORKSPACE);
            Workspaces.destroy(WORKSPACE);
            pool.close();
        }
    }

    /** The report with its validation MSE; tells the listener when it is the lowest so far. */
    private StepReport validate(StepReport r) throws IOException {
        StepReport scored = r.withValidation(validation.mse(g));
        if (scored.validation() < bestMse) {
            bestMse = scored.validation();
            if (onBest != null) {
                onBest.onBest(scored);
            }
        }
        return scored;
    }

    /** One step; returns {dLoss, adversarial, mse, gdl, gLoss, pretraining ? 1 : 0}. */
    double[] step(PatchPairSource source) {
        long step = completed;
        int b = config.batchSize();
        boolean pretrain = step < config.pretrainSteps();
        double[] out = new double[6];
        // the pool serves the whole step: forward temporaries and backward's gradients (BufferPool)
        try (MemoryWorkspace ws = Workspaces.open(WORKSPACE); BufferPool.Scope scope = pool.activate()) {
            INDArray[] batch = batch(source, step);
            INDArray lr = batch[0];
            INDArray hr = batch[1];
            INDArray sr = g.forward(lr, true);
            double[][] targets = targets(step, b);
            if (!pretrain) {
                d.zeroGrad();
                out[0] = discriminatorPass(hr, targets[0]) + discriminatorPass(sr, targets[1]);
                adamD.step();
            } else {
                out[0] = Double.NaN;
            }
            Losses.ValueAndGrad mse = Losses.mse(sr, hr);
            Losses.ValueAndGrad gdl = Losses.gdl(sr, hr);
            // pre-training is MSE only; afterwards the weighted content loss (+ adversarial term below)
            INDArray gradSr = pretrain ? mse.grad()
                    : mse.grad().muli(config.mseWeight()).addi(gdl.grad().muli(config.gdlWeight()));
            double adv = Double.NaN;
            double gLoss = pretrain ? mse.value() : config.mseWeight() * mse.value() + config.gdlWeight() * gdl.value();
            if (!pretrain && config.adversarialWeight() > 0) {
                try (MemoryWorkspace dws = Workspaces.open(D_WORKSPACE)) {
                    INDArray logits = d.forward(sr, true);
                    Losses.ValueAndGrad a = Losses.leastSquares(logits, column(targets[2]), config.lossOnLogits());
                    try (MemoryWorkspace detached = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        // D's parameter gradients are not needed here (zeroed before D's next step)
                        INDArray gd = d.backwardInput(a.grad().muli(config.adversarialWeight()));
                        gradSr.addi(gd);
                        Layer.release(gd);
                    }
                    adv = a.value();
                }
                gLoss += config.adversarialWeight() * adv;
            }
            g.zeroGrad();
            // outside the workspace: every gradient is freed once used (Layer), not kept to the step's end
            try (MemoryWorkspace detached = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                Layer.release(g.backward(gradSr));
            }
            adamG.step();
            out[1] = adv;
            out[2] = mse.value();
            out[3] = gdl.value();
            out[4] = gLoss;
            out[5] = pretrain ? 1 : 0;
        }
        pool.reclaimAll();
        completed++;
        return out;
    }

    /** Forward and backward of D on one batch (gradients accumulate); returns its loss. */
    private double discriminatorPass(INDArray x, double[] targets) {
        try (MemoryWorkspace dws = Workspaces.open(D_WORKSPACE)) {
            INDArray logits = d.forward(x, true);
            Losses.ValueAndGrad l = Losses.leastSquares(logits, column(targets), config.lossOnLogits());
            try (MemoryWorkspace detached = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                Layer.release(d.backwardParameters(l.grad()));
            }
            return l.value();
        }
    }

    /** {real, fake, generator} targets per example for this step. */
    private double[][] targets(long step, int b) {
        double[][] t = new double[3][b];
        switch (config.labels()) {
            case NONE -> {
                Arrays.fill(t[0], 1);
                Arrays.fill(t[2], 1);
            }
            case ONE_SIDED -> {
                Arrays.fill(t[0], 0.9);
                Arrays.fill(t[2], 1);
            }
            case NOISY -> {
                Rng r = Rng.derive(config.seed() ^ LABEL_STREAM, step);
                for (int i = 0; i < b; i++) {
                    t[0][i] = 0.7 + 0.5 * r.nextDouble();
                    t[1][i] = 0.3 * r.nextDouble();
                    t[2][i] = 0.7 + 0.5 * r.nextDouble();
                }
                if (swapLabels) {
                    double[] s = t[0];
                    t[0] = t[1];
                    t[1] = s;
                }
            }
            default -> throw new IllegalStateException();
        }
        return t;
    }

    private static INDArray column(double[] v) {
        return Nd4j.create(v, new long[] {v.length, 1}, Nd4j.defaultFloatingPointType());
    }

    private INDArray[] batch(PatchPairSource source, long step) {
        int b = config.batchSize();
        float[] lrAll = null;
        float[] hrAll = null;
        PatchPair first = null;
        for (int i = 0; i < b; i++) {
            long index = step * b + i;
            PatchPair p = source.pair(index);
            if (p.factor() != gConfig.factor()) {
                throw new InvalidInputException("training patches", "factor " + p.factor() + " but the generator upsamples x"
                        + gConfig.factor());
            }
            if (p.hrX() != dConfig.patchX() || p.hrY() != dConfig.patchY() || p.hrZ() != dConfig.patchZ()) {
                throw new InvalidInputException("training patches", "HR patch " + p.hrX() + "x" + p.hrY() + "x" + p.hrZ()
                        + " but the discriminator was built for " + dConfig.patchX() + "x" + dConfig.patchY() + "x"
                        + dConfig.patchZ());
            }
            if (config.augment()) {
                p = Augmentation.apply(p, Rng.derive(config.seed() ^ AUGMENT_STREAM, index));
            }
            if (first == null) {
                first = p;
                lrAll = new float[p.lr().length * b];
                hrAll = new float[p.hr().length * b];
            }
            System.arraycopy(p.lr(), 0, lrAll, i * p.lr().length, p.lr().length);
            System.arraycopy(p.hr(), 0, hrAll, i * p.hr().length, p.hr().length);
        }
        INDArray lr = Nd4j.create(lrAll, new long[] {b, 1, first.lrZ(), first.lrY(), first.lrX()}, 'c');
        INDArray hr = Nd4j.create(hrAll, new long[] {b, 1, first.hrZ(), first.hrY(), first.hrX()}, 'c');
        if (Nd4j.defaultFloatingPointType() != lr.dataType()) {
            lr = lr.castTo(Nd4j.defaultFloatingPointType());
            hr = hr.castTo(Nd4j.defaultFloatingPointType());
        }
        return new INDArray[] {lr, hr};
    }

    // ---- checkpoints ------------------------------------------------------------------------

    /** Writes everything needed to continue bit-identically: weights, BN statistics, Adam moments, step. */
    public void saveCheckpoint(Path file) throws IOException {
        JsonObject h = new JsonObject();
        h.add("generator", ConfigJson.generator(gConfig));
        h.add("discriminator", ConfigJson.discriminator(dConfig));
        h.add("training", TrainingConfigJson.of(config));
        h.addProperty("completedSteps", completed);
        h.addProperty("adamStepsG", adamG.steps());
        h.addProperty("adamStepsD", adamD.steps());
        h.addProperty("trainingSeconds", totalSeconds());
        if (Double.isFinite(bestMse)) {
            h.addProperty("bestValidationMse", bestMse);
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, List<Param>> e : stateGroups().entrySet()) {
            for (Param p : e.getValue()) {
                arrays.put(e.getKey() + p.name(), p.value());
            }
        }
        CheckpointFile.write(file, h, arrays);
    }

    /**
     * Rebuilds a trainer from a checkpoint. {@code steps} > 0 overrides the planned total (to train
     * longer than first planned); otherwise the checkpoint's plan is kept.
     */
    public static Trainer resume(Path file, long steps) {
        String src = file.toString();
        CheckpointFile.Contents c = CheckpointFile.read(file);
        JsonObject h = c.header();
        TrainingConfig tc = TrainingConfigJson.parse(ConfigJson.object(h, "training", src), src);
        if (steps > 0) {
            tc = tc.withSteps(steps);
        }
        Trainer t = new Trainer(ConfigJson.generator(ConfigJson.object(h, "generator", src), src),
                ConfigJson.discriminator(ConfigJson.object(h, "discriminator", src), src), tc);
        Map<String, INDArray> left = new LinkedHashMap<>(c.arrays());
        for (Map.Entry<String, List<Param>> e : t.stateGroups().entrySet()) {
            for (Param p : e.getValue()) {
                ModelFile.assign(src, e.getKey() + p.name(), p.value(), left.remove(e.getKey() + p.name()));
            }
        }
        if (!left.isEmpty()) {
            throw new InvalidInputException(src, "unexpected arrays " + left.keySet() + " for this architecture");
        }
        t.completed = ConfigJson.longValue(h, "completedSteps", src);
        t.adamG.setSteps(ConfigJson.longValue(h, "adamStepsG", src));
        t.adamD.setSteps(ConfigJson.longValue(h, "adamStepsD", src));
        // absent in checkpoints written before mrisr recorded it: the earlier runs' time is then unknown
        t.secondsBefore = h.has("trainingSeconds") ? ConfigJson.number(h, "trainingSeconds", src) : 0;
        if (h.has("bestValidationMse")) {
            // a resumed run only replaces the best model with a better one
            t.bestMse = ConfigJson.number(h, "bestValidationMse", src);
        }
        return t;
    }

    private Map<String, List<Param>> stateGroups() {
        Map<String, List<Param>> m = new LinkedHashMap<>();
        m.put("g/", g.params());
        m.put("d/", d.params());
        m.put("adamG/", adamG.state());
        m.put("adamD/", adamD.state());
        return m;
    }
}
