/**
 * Training, one pipeline for every caller: {@link org.mrisr.engine.srgan.train.TrainingJob} takes
 * {@link org.mrisr.engine.srgan.train.TrainingData} (patch pairs by index that say what a model
 * trained on them records: the CLI's {@link org.mrisr.engine.srgan.train.DegradedPatchSource} cut
 * from volumes, the SRGAN Learner node's patch table), a {@code Spec} (generator, patch size,
 * settings, time budget, checkpoint, resume, warm start, validation), a listener and a cancel flag.
 * Inside: the {@link org.mrisr.engine.srgan.train.Trainer} (losses, Adam, checkpoints), the one
 * {@link org.mrisr.engine.srgan.train.Validation} (patch MSE every N steps, best model kept), the
 * {@link org.mrisr.engine.srgan.train.PatchPair} contract (pairs normalised with the engine's
 * normaliser fitted on their LR data), augmentation (flips and rotations; intensity: {@link org.mrisr.engine.srgan.train.IntensityAugmentation} before degradation in the volume source, {@link org.mrisr.engine.srgan.train.GivenPairsIntensityAugmentation} for given pairs), warm starts, and {@code TrainingRecord}, the one
 * builder of the model's {@code training} record (data sources add their keys through
 * {@link org.mrisr.engine.srgan.train.TrainingInput#provenance()}).
 *
 * <p>Layer 7. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.nn}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.srgan}, {@code org.mrisr.engine.srgan.io}, {@code org.mrisr.engine.srgan.net}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.srgan.train;
