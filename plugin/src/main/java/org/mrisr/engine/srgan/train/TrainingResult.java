package org.mrisr.engine.srgan.train;

/**
 * How a {@link Trainer#train} call ended.
 *
 * @param completedSteps steps completed in total (a resumed run counts the earlier ones)
 * @param cancelled      stopped by the cancel flag; the weights are those after the last completed step
 * @param last           the last step's report, or null when no step ran
 */
public record TrainingResult(long completedSteps, boolean cancelled, StepReport last) {
}
