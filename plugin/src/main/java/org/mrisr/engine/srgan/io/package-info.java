/**
 * The model file format (docs/model-format.md) and the checkpoint container: {@link org.mrisr.engine.srgan.io.ModelFile} is the one reader and writer of model files (paths or streams), {@link org.mrisr.engine.srgan.io.ModelInfo} what a model records besides weights ({@link org.mrisr.engine.srgan.io.Contrast}: the vocabulary of its training contrast and its inference from file names), {@link org.mrisr.engine.srgan.io.CheckpointFile} the training checkpoint container. Both read hostile files safely: every size in the header is bounded before anything is allocated, and every entry is read through a bounded stream (docs/model-format.md, Validation on load).
 *
 * <p>Layer 5. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.nn}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.srgan.net}.
 */
package org.mrisr.engine.srgan.io;
