/**
 * Training: the {@link org.mrisr.engine.srgan.train.Trainer} (losses, Adam, checkpoints, validation), patch-pair sources, augmentation, warm starts, and {@link org.mrisr.engine.srgan.train.TrainingJob}, the one training pipeline the CLI and the SRGAN Learner node share.
 *
 * <p>Layer 7. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.metrics}, {@code org.mrisr.engine.nn}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.patch}, {@code org.mrisr.engine.srgan}, {@code org.mrisr.engine.srgan.io}, {@code org.mrisr.engine.srgan.net}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.srgan.train;
