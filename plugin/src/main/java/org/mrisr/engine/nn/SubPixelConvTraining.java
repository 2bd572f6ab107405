package org.mrisr.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code conv} then a {@link PixelShuffle3d} by {@code r}, for training: the same function and parameters,
 * without keeping the convolution's output. Backward needs only the convolution's input and the shuffle
 * nothing, so the [N, C·r³, D, H, W] output (134 MB in the paper's ×2 sub-pixel-NN step) is a temporary:
 * taken from the trainer's {@link BufferPool} and given back once shuffled, where backward's unshuffled
 * gradient of the same shape finds it again.
 */
public final class SubPixelConvTraining extends Layer {
    private final Conv3d conv;
    private final int r;

    public SubPixelConvTraining(Conv3d conv, int r) {
        this.conv = conv;
        this.r = r;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long s = conv.stride();
        INDArray z = BufferPool.uninitialized(x.dataType(), x.size(0), conv.outChannels(), ceil(x.size(2), s),
                ceil(x.size(3), s), ceil(x.size(4), s));
        conv.forwardInto(x, z, training);
        INDArray y = PixelShuffle3d.shuffle(z, r);
        release(z);
        return y;
    }

    private static long ceil(long n, long s) {
        return (n + s - 1) / s;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray gz = PixelShuffle3d.unshuffle(gradOut, r);
        INDArray gx = conv.backward(gz);
        release(gz);
        return gx;
    }
}
