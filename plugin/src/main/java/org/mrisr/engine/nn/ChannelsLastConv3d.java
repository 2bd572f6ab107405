package org.mrisr.engine.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code conv} on channels-last tensors, for training: [N, D, H, W, in] → [N, ceil(D/s), ceil(H/s), ceil(W/s),
 * out], the same function and parameters as {@link Conv3d} on the NCDHW tensor.
 *
 * <p>Why: oneDNN's forward convolution here works in channels-last memory, so an NCDHW convolution
 * reorders its input there and its output back on every call, about a quarter of its time (a 2×32×32³
 * forward: 23.6 ms NCDHW, 17 ms NDHWC; the discriminator's 64³ input alone took 25 ms to reorder).
 * Backward costs the same in both layouts. See {@link TrainingForm} for where the layouts change.
 */
public final class ChannelsLastConv3d extends Layer {
    private final Conv3d conv;
    private INDArray input;

    public ChannelsLastConv3d(Conv3d conv) {
        this.conv = conv;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 5 || x.size(4) != conv.inChannels()) {
            throw new IllegalArgumentException("channels-last conv3d expects [N,D,H,W," + conv.inChannels() + "], got "
                    + Arrays.toString(x.shape()));
        }
        input = training ? x : null;
        return conv.run(x, null, true);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return conv.gradients(input, gradOut, true);
    }

    /**
     * Stride 1: the input gradient alone ({@link Conv3d#inputGradient}), a forward convolution that oneDNN runs
     * channels last with no reorder; the weight gradient, half of backward's work, is skipped. Stride 2 on even
     * sizes: the same by parity phases ({@link StrideTwoInputGradient}). Others take backward.
     */
    @Override
    public INDArray backwardInput(INDArray gradOut) {
        if (StrideTwoInputGradient.fits(conv, input.shape())) {
            return StrideTwoInputGradient.compute(conv, gradOut, input.shape());
        }
        if (conv.stride() != 1 || conv.kernel() % 2 == 0) {
            return backward(gradOut);
        }
        return conv.inputGradient(gradOut, input.shape(), true);
    }
}
