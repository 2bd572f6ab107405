/**
 * A small explicit neural-network layer framework over ND4J ops: each {@link org.mrisr.engine.nn.Layer} has forward and backward, parameters ({@link org.mrisr.engine.nn.Param}), Adam, and the workspace that holds a training step's activations. Who owns and frees which array in inference is written on {@link org.mrisr.engine.nn.Layer}; the float loops run on the compute pool. Inference-only pieces for prediction ({@link org.mrisr.engine.nn.FusedConv3d}, {@link org.mrisr.engine.nn.ChannelsLast}, {@link org.mrisr.engine.nn.SingleOutputConv3d}, {@link org.mrisr.engine.nn.ResizeConv3d}) work on channels-last tensors with BatchNorm, biases and activations folded in; they copy the weights of the plain layers and compute the same within float32 rounding. No SRGAN knowledge: architectures live in srgan.net.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}.
 */
package org.mrisr.engine.nn;
