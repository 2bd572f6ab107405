package org.mrisr.engine.srgan.net;

import org.mrisr.engine.InvalidInputException;

/**
 * Discriminator architecture for HR patches of one shape.
 *
 * @param patchX      HR patch size along x (≥ 32), likewise y and z
 * @param widths      filters of the eight convolutions (paper 32,32,64,64,128,128,256,256); strides
 *                    alternate 1, 2, 1, 2, ...
 * @param dense       width of the hidden dense layer (paper 1024)
 * @param slope       LeakyReLU slope (reference code 0.3)
 * @param initStd     weights ~ N(0, initStd²)
 */
public record DiscriminatorConfig(int patchX, int patchY, int patchZ, int[] widths, int dense, double slope,
        double initStd) {

    public DiscriminatorConfig {
        if (patchX < 32 || patchY < 32 || patchZ < 32) {
            throw new InvalidInputException("HR patch", "the discriminator needs at least 32 voxels per axis, got "
                    + patchX + "x" + patchY + "x" + patchZ);
        }
        if (widths == null || widths.length < 1 || dense < 1) {
            throw new InvalidInputException("discriminator", "needs at least one conv and a dense width >= 1");
        }
        widths = widths.clone();
    }

    public static DiscriminatorConfig paper(int patchX, int patchY, int patchZ) {
        return new DiscriminatorConfig(patchX, patchY, patchZ, new int[] {32, 32, 64, 64, 128, 128, 256, 256}, 1024,
                0.3, 0.02);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Stride of conv i: 1, 2, 1, 2, ... */
    public static int stride(int i) {
        return i % 2 == 0 ? 1 : 2;
    }

    /** Spatial size after the convolutions ('same' stride 2 rounds up): {x, y, z}. */
    public int[] featureSize() {
        int[] s = {patchX, patchY, patchZ};
        for (int i = 0; i < widths.length; i++) {
            for (int a = 0; a < 3; a++) {
                s[a] = (s[a] + stride(i) - 1) / stride(i);
            }
        }
        return s;
    }
}
