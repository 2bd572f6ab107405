package org.mrisr.engine.srgan.train;

import org.mrisr.engine.InvalidInputException;

/**
 * Training settings. Defaults ({@link #defaults()}) follow the paper: Adam with learning rates
 * G 1e-5 and D 1e-4, adversarial weight 1e-3, MSE + GDL content loss, one-sided label smoothing,
 * least squares on D's sigmoid output, batch 2, augmentation on.
 *
 * @param steps            optimiser steps (batches) in total, pre-training included
 * @param batchSize        patch pairs per step (≥ 1; BatchNorm refuses batch 1 on tiny patches)
 * @param learningRateG    generator Adam learning rate
 * @param learningRateD    discriminator Adam learning rate
 * @param adversarialWeight α of the generator's adversarial term (paper 1e-3, code 0.1)
 * @param mseWeight        weight of MSE(HR, SR)
 * @param gdlWeight        weight of the gradient difference loss
 * @param labels           label smoothing variant
 * @param lossOnLogits     least squares on D's logits (code) instead of its sigmoid output (paper)
 * @param pretrainSteps    initial steps training G with the MSE only (D untouched)
 * @param augment          random flips and 90° rotations
 * @param seed             seeds weights, augmentation and label noise
 * @param checkpointEvery  write a checkpoint every N steps (0: never)
 */
public record TrainingConfig(long steps, int batchSize, double learningRateG, double learningRateD,
        double adversarialWeight, double mseWeight, double gdlWeight, LabelSmoothing labels, boolean lossOnLogits,
        long pretrainSteps, boolean augment, long seed, long checkpointEvery) {

    public TrainingConfig {
        if (steps < 0 || batchSize < 1 || pretrainSteps < 0 || checkpointEvery < 0) {
            throw new InvalidInputException("training settings",
                    "steps, pretrain steps and checkpoint interval must be >= 0 and batch size >= 1");
        }
        if (!(learningRateG > 0) || !(learningRateD > 0)) {
            throw new InvalidInputException("training settings", "learning rates must be > 0");
        }
        if (adversarialWeight < 0 || mseWeight < 0 || gdlWeight < 0) {
            throw new InvalidInputException("training settings", "loss weights must be >= 0");
        }
        if (labels == null) {
            throw new InvalidInputException("training settings", "label smoothing missing");
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(1000, 2, 1e-5, 1e-4, 1e-3, 1, 1, LabelSmoothing.ONE_SIDED, false, 0, true, 42, 0);
    }

    /** The reference code's variant: α 0.1, noisy two-sided labels on logits, both learning rates 1e-4. */
    public TrainingConfig codeVariant() {
        return new TrainingConfig(steps, batchSize, 1e-4, 1e-4, 0.1, mseWeight, gdlWeight, LabelSmoothing.NOISY, true,
                pretrainSteps, augment, seed, checkpointEvery);
    }

    public TrainingConfig withSteps(long n) {
        return new TrainingConfig(n, batchSize, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                labels, lossOnLogits, pretrainSteps, augment, seed, checkpointEvery);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(steps, batchSize, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                labels, lossOnLogits, pretrainSteps, augment, s, checkpointEvery);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(steps, b, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                labels, lossOnLogits, pretrainSteps, augment, seed, checkpointEvery);
    }

    public TrainingConfig withLearningRates(double g, double d) {
        return new TrainingConfig(steps, batchSize, g, d, adversarialWeight, mseWeight, gdlWeight, labels, lossOnLogits,
                pretrainSteps, augment, seed, checkpointEvery);
    }

    public TrainingConfig withLossWeights(double adversarial, double mse, double gdl) {
        return new TrainingConfig(steps, batchSize, learningRateG, learningRateD, adversarial, mse, gdl, labels,
                lossOnLogits, pretrainSteps, augment, seed, checkpointEvery);
    }

    public TrainingConfig withLabels(LabelSmoothing l, boolean onLogits) {
        return new TrainingConfig(steps, batchSize, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                l, onLogits, pretrainSteps, augment, seed, checkpointEvery);
    }

    public TrainingConfig withPretrainSteps(long n) {
        return new TrainingConfig(steps, batchSize, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                labels, lossOnLogits, n, augment, seed, checkpointEvery);
    }

    public TrainingConfig withAugment(boolean a) {
        return new TrainingConfig(steps, batchSize, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                labels, lossOnLogits, pretrainSteps, a, seed, checkpointEvery);
    }

    public TrainingConfig withCheckpointEvery(long n) {
        return new TrainingConfig(steps, batchSize, learningRateG, learningRateD, adversarialWeight, mseWeight, gdlWeight,
                labels, lossOnLogits, pretrainSteps, augment, seed, n);
    }
}
