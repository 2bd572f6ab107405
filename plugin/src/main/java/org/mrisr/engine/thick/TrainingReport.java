package org.mrisr.engine.thick;

/**
 * Progress of per-scan training after one step.
 *
 * @param step       steps done
 * @param totalSteps the step budget
 * @param loss       mean squared error of this step's batch (normalised intensities)
 * @param seconds    training time so far
 * @param fraction   share of the budget used (steps or time, whichever is further along), 0..1
 * @param etaSeconds estimated training time left
 */
public record TrainingReport(long step, long totalSteps, double loss, double seconds, double fraction, double etaSeconds) {
}
