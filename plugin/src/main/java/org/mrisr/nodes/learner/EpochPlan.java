package org.mrisr.nodes.learner;

import org.mrisr.engine.srgan.train.StepReport;

/**
 * Epochs and steps: the learner trains a number of steps (batches), set directly or from a number
 * of epochs (passes over the patch table), and reports progress as "epoch e/E · step s/S · ETA".
 *
 * @param steps   optimiser steps to train
 * @param epochs  epochs shown in progress: the epochs option, or the passes the steps make (at least 1)
 * @param batch   pairs per step
 * @param patches pairs in the training table
 */
record EpochPlan(long steps, int epochs, int batch, int patches) {

    /**
     * The plan for a table of {@code patches} pairs: steps = ceil(epochs × patches / batch) when
     * {@code epochs} > 0, else {@code steps}.
     */
    static EpochPlan of(final int epochs, final long steps, final int batch, final int patches) {
        if (epochs > 0) {
            return new EpochPlan(Math.max(1, ceilDiv((long)epochs * patches, batch)), epochs, batch, patches);
        }
        return new EpochPlan(steps, (int)Math.max(1, ceilDiv(steps * batch, patches)), batch, patches);
    }

    /** The epoch step {@code step} (1-based) belongs to; with the epochs option the last batch may reach into
     * the next pass and still counts as epoch E/E. */
    int epochOf(final long step) {
        return (int)Math.min(epochs, ceilDiv(step * batch, patches));
    }

    /** The progress message after a step. */
    String message(final StepReport r) {
        return "epoch " + epochOf(r.step()) + "/" + epochs + " \u00b7 step " + r.step() + "/" + r.totalSteps()
            + " \u00b7 ETA " + duration(r.etaSeconds());
    }

    /** A duration for people: "42s", "3m 5s", "2h 10m"; "?" when unknown. */
    static String duration(final double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        return (s / 3600) + "h " + ((s % 3600) / 60) + "m";
    }

    private static long ceilDiv(final long a, final long b) {
        return (a + b - 1) / b;
    }
}
