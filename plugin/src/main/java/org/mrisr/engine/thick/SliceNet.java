package org.mrisr.engine.thick;

import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.LeakyRelu;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.Residual;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The 2D network that sharpens a slice-direction-interpolated image: [N, H, W, 1] → [N, H, W, 1]
 * (channels last, see {@link Conv2d}; the same memory as N row-major H×W images),
 * where H is the direction that was thick (already cubic-interpolated to the fine grid) and W a
 * fine direction. Residual learning (the output is the input plus a correction, as in VDSR and
 * SMORE's interpolated-input variant): conv 3×3 1→C, leaky ReLU, {@code depth − 2} × (conv C→C,
 * leaky ReLU), conv C→1, + input. The last convolution starts at zero, so the untrained network is
 * exactly cubic interpolation. He-initialised otherwise.
 */
final class SliceNet extends Layer {
    static final double SLOPE = 0.1;

    private final int channels;
    private final int depth;
    private final Residual body;

    SliceNet(int channels, int depth, long seed) {
        if (channels < 1 || depth < 2) {
            throw new IllegalArgumentException("need channels >= 1 and depth >= 2, got " + channels + ", " + depth);
        }
        this.channels = channels;
        this.depth = depth;
        Rng rng = new Rng(seed);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Conv2d("conv0", 1, channels, 3, rng, he(1)));
        layers.add(new LeakyRelu(SLOPE));
        for (int i = 1; i < depth - 1; i++) {
            layers.add(new Conv2d("conv" + i, channels, channels, 3, rng, he(channels)));
            layers.add(new LeakyRelu(SLOPE));
        }
        layers.add(new Conv2d("conv" + (depth - 1), channels, 1, 3, new float[channels * 9]));
        this.body = new Residual(new Sequential(layers));
    }

    private static double he(int inChannels) {
        return Math.sqrt(2.0 / ((1 + SLOPE * SLOPE) * inChannels * 9));
    }

    int channels() {
        return channels;
    }

    int depth() {
        return depth;
    }

    /** Receptive field radius in pixels: how far a pixel's output looks. */
    int reach() {
        return depth;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return body.forward(x, training);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return body.backward(gradOut);
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        body.collect(prefix, out);
    }
}
