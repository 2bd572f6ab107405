package org.mrisr.engine.thick;

import org.mrisr.engine.InvalidInputException;

/**
 * How the per-scan network is trained. Training ends after {@code steps} optimiser steps or, when
 * {@code seconds} &gt; 0, when that much time has passed, whichever comes first; the learning rate
 * follows a cosine from {@code learningRate} down to 1 % of it over whichever budget is nearer.
 *
 * @param steps        optimiser steps (≥ 1)
 * @param seconds      time budget in seconds, 0 for none
 * @param seed         seeds the weights and the pair sampling (a step budget is then reproducible)
 * @param channels     feature channels of the network
 * @param depth        convolution layers of the network (≥ 2)
 * @param patch        training patch edge in fine voxels (clamped to the in-plane size)
 * @param batch        patches per step
 * @param learningRate Adam's initial learning rate
 */
public record TrainingSettings(long steps, double seconds, long seed, int channels, int depth, int patch, int batch,
        double learningRate) {
    public static final long DEFAULT_STEPS = 2000;

    public TrainingSettings {
        if (steps < 1) {
            throw new InvalidInputException("steps", "must be >= 1, got " + steps);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new InvalidInputException("time budget", "must be >= 0 (0 = none), got " + seconds);
        }
        if (channels < 1 || depth < 2 || patch < 8 || batch < 1) {
            throw new InvalidInputException("network", "need channels >= 1, depth >= 2, patch >= 8, batch >= 1; got "
                    + channels + ", " + depth + ", " + patch + ", " + batch);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidInputException("learning rate", "must be > 0, got " + learningRate);
        }
    }

    /** The defaults: {@value #DEFAULT_STEPS} steps, no time budget, seed 42, 32 channels, 8 layers, 48² patches, batch 16, 1e-3. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(DEFAULT_STEPS, 0, 42, 32, 8, 48, 16, 1e-3);
    }

    public TrainingSettings withSteps(long n) {
        return new TrainingSettings(n, seconds, seed, channels, depth, patch, batch, learningRate);
    }

    public TrainingSettings withSeconds(double s) {
        return new TrainingSettings(steps, s, seed, channels, depth, patch, batch, learningRate);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(steps, seconds, s, channels, depth, patch, batch, learningRate);
    }

    public TrainingSettings withNetwork(int c, int d) {
        return new TrainingSettings(steps, seconds, seed, c, d, patch, batch, learningRate);
    }

    public TrainingSettings withPatch(int p, int b) {
        return new TrainingSettings(steps, seconds, seed, channels, depth, p, b, learningRate);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(steps, seconds, seed, channels, depth, patch, batch, lr);
    }
}
