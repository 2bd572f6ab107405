/**
 * A small explicit neural-network layer framework over ND4J ops: each {@link org.mrisr.engine.nn.Layer} has forward and backward, parameters ({@link org.mrisr.engine.nn.Param}), Adam, and the workspace that holds a training step's activations. No SRGAN knowledge: architectures live in srgan.net.
 *
 * <p>Layer 1. May import: {@code org.mrisr.engine}.
 */
package org.mrisr.engine.nn;
