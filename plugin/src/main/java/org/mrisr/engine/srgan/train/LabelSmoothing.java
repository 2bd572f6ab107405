package org.mrisr.engine.srgan.train;

/** Targets of the least-squares GAN losses. */
public enum LabelSmoothing {
    /** Real 1, fake 0. */
    NONE,
    /** The paper: one-sided, real target 0.9, fake 0; the generator aims at 1. */
    ONE_SIDED,
    /**
     * The reference code: real ~ U(0.7, 1.2), fake ~ U(0, 0.3), the generator's target ~ U(0.7, 1.2),
     * and with probability 0.1 (drawn once per training run) real and fake labels swapped.
     */
    NOISY
}
