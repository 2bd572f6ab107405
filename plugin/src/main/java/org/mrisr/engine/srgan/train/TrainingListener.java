package org.mrisr.engine.srgan.train;

/** Receives a report after every completed training step (on the training thread; keep it quick). */
@FunctionalInterface
public interface TrainingListener {
    void onStep(StepReport report);

    TrainingListener NONE = r -> {
    };
}
