package org.mrisr.engine.srgan.train;

/**
 * What {@link TrainingJob} trains on: patch pairs by index (the {@link PatchPairSource} the
 * {@link Trainer} reads) plus what a model trained on them records ({@link #input()}). The CLI
 * builds one from volumes ({@link DegradedPatchSource}), the SRGAN Learner node from a patch table.
 */
public interface TrainingData extends PatchPairSource {
    /** What the model records about this data; called after training (and when a best model is saved). */
    TrainingInput input();
}
