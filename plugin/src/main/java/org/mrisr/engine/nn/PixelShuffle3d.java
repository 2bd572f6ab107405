package org.mrisr.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 3D periodic shuffle (Shi et al. 2016): [N, C·r³, D, H, W] → [N, C, rD, rH, rW] with
 * out[n, c, r·d + a, r·h + b, r·w + e] = in[n, c·r³ + a·r² + b·r + e, d, h, w]
 * (the 3D analogue of PyTorch's pixel_shuffle). Backward is the inverse rearrangement.
 */
public final class PixelShuffle3d extends Layer {
    private final int r;

    public PixelShuffle3d(int r) {
        this.r = r;
    }

    /** The forward rearrangement as a pure function. */
    public static INDArray shuffle(INDArray x, int r) {
        long n = x.size(0);
        long c8 = x.size(1);
        long r3 = (long) r * r * r;
        if (x.rank() != 5 || c8 % r3 != 0) {
            throw new IllegalArgumentException("pixel shuffle needs [N, C*" + r3 + ", D, H, W], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        long c = c8 / r3;
        long d = x.size(2);
        long h = x.size(3);
        long w = x.size(4);
        INDArray v = x.dup('c').reshape('c', n, c, r, r, r, d, h, w).permute(0, 1, 5, 2, 6, 3, 7, 4);
        return v.dup('c').reshape('c', n, c, d * r, h * r, w * r);
    }

    /** The inverse rearrangement: [N, C, rD, rH, rW] → [N, C·r³, D, H, W]. */
    public static INDArray unshuffle(INDArray y, int r) {
        long n = y.size(0);
        long c = y.size(1);
        long d = y.size(2) / r;
        long h = y.size(3) / r;
        long w = y.size(4) / r;
        INDArray v = y.dup('c').reshape('c', n, c, d, r, h, r, w, r).permute(0, 1, 3, 5, 7, 2, 4, 6);
        return v.dup('c').reshape('c', n, c * r * r * r, d, h, w);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return shuffle(x, r);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return unshuffle(gradOut, r);
    }
}
