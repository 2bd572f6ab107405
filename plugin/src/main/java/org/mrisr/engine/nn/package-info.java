/**
 * A small explicit neural-network layer framework over ND4J ops: each {@link org.mrisr.engine.nn.Layer} has forward and backward, parameters ({@link org.mrisr.engine.nn.Param}), Adam, and the workspace that holds a training step's activations. No SRGAN knowledge: architectures live in srgan.net.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}.
 */
package org.mrisr.engine.nn;
