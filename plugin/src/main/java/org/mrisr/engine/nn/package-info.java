/**
 * A small explicit neural-network layer framework over ND4J ops: each {@link org.mrisr.engine.nn.Layer} has forward and backward, parameters ({@link org.mrisr.engine.nn.Param}), Adam, and the workspace that holds a training step's activations. Who owns and frees which array in inference is written on {@link org.mrisr.engine.nn.Layer}; the float loops run on the compute pool. No SRGAN knowledge: architectures live in srgan.net.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}.
 */
package org.mrisr.engine.nn;
