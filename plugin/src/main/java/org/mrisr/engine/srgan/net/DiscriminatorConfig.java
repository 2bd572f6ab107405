package org.mrisr.engine.srgan.net;

import java.util.Arrays;

import org.mrisr.engine.InvalidInputException;

/**
 * Discriminator architecture for HR patches of one shape.
 *
 * @param patchX      HR patch size along x (32..256), likewise y and z
 * @param widths      filters of the eight convolutions (paper 32,32,64,64,128,128,256,256); strides
 *                    alternate 1, 2, 1, 2, ...
 * @param dense       width of the hidden dense layer (paper 1024)
 * @param slope       LeakyReLU slope (reference code 0.3)
 * @param initStd     weights ~ N(0, initStd²)
 */
public record DiscriminatorConfig(int patchX, int patchY, int patchZ, int[] widths, int dense, double slope,
        double initStd) {

    /** Bounds a real 3D SRGAN discriminator stays inside (docs/model-format.md, Bounds). */
    public static final int MAX_PATCH = 256;
    public static final int MAX_CONVS = 16;
    public static final int MAX_WIDTH = 1024;
    public static final int MAX_DENSE = 4096;
    /** Stored values: 1 GiB as float32 (the paper's at its 128×128×92 patch: 104.2 M, mostly its dense layer). */
    public static final long MAX_VALUES = 1L << 28;
    /** Values of the largest layer output for one patch: 2 GiB as float32 (the paper's widths at a 256³ patch). */
    public static final long MAX_ACTIVATION = 1L << 29;

    /** Checks every size before anything is allocated; errors name the checkpoint.json field. */
    public DiscriminatorConfig {
        // four stride-2 convolutions need 32 voxels per axis
        SizeBounds.require("discriminator.patchX", patchX, 32, MAX_PATCH, "HR patch edge; the paper uses 128");
        SizeBounds.require("discriminator.patchY", patchY, 32, MAX_PATCH, "HR patch edge; the paper uses 128");
        SizeBounds.require("discriminator.patchZ", patchZ, 32, MAX_PATCH, "HR patch edge; the paper uses 92");
        if (widths == null) {
            throw new InvalidInputException("discriminator.widths", "missing");
        }
        SizeBounds.require("discriminator.widths", widths.length, 1, MAX_CONVS, "number of convolutions; the paper has 8");
        for (int i = 0; i < widths.length; i++) {
            SizeBounds.require("discriminator.widths[" + i + "]", widths[i], 1, MAX_WIDTH, "the paper's widest is 256");
        }
        SizeBounds.require("discriminator.dense", dense, 1, MAX_DENSE, "the paper uses 1024");
        if (!(slope >= 0 && slope < 1)) {
            throw new InvalidInputException("discriminator.leakyReluSlope", "must be in [0, 1), got " + slope);
        }
        if (!(initStd > 0 && initStd < Double.POSITIVE_INFINITY)) {
            throw new InvalidInputException("discriminator.initStd", "must be > 0 and finite, got " + initStd);
        }
        widths = widths.clone();
        String fields = "patch " + patchX + "x" + patchY + "x" + patchZ + ", widths " + Arrays.toString(widths)
                + ", dense " + dense;
        SizeBounds.requireTotal("discriminator", fields, storedValueCount(patchX, patchY, patchZ, widths, dense),
                MAX_VALUES, "the paper's at 128x128x92 stores 104.2 M");
        SizeBounds.requireTotal("discriminator", fields + " (largest layer output per patch)",
                activation(patchX, patchY, patchZ, widths), MAX_ACTIVATION, "the paper's at 128x128x92: 48 M");
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
        return featureSize(patchX, patchY, patchZ, widths.length);
    }

    /** Trainable scalars of the discriminator this describes (equals {@code Discriminator.parameterCount()}). */
    public long parameterCount() {
        return parameterCount(patchX, patchY, patchZ, widths, dense);
    }

    /** Values a checkpoint stores for it: the trainable scalars plus the BatchNorm running statistics. */
    public long storedValueCount() {
        return storedValueCount(patchX, patchY, patchZ, widths, dense);
    }

    // static: the compact constructor checks these before the fields are assigned

    private static int[] featureSize(int x, int y, int z, int convs) {
        int[] s = {x, y, z};
        for (int i = 0; i < convs; i++) {
            for (int a = 0; a < 3; a++) {
                s[a] = (s[a] + stride(i) - 1) / stride(i);
            }
        }
        return s;
    }

    private static long storedValueCount(int x, int y, int z, int[] widths, int dense) {
        long bnStats = 0;
        for (int i = 1; i < widths.length; i++) {
            bnStats += 2L * widths[i];
        }
        return parameterCount(x, y, z, widths, dense) + bnStats;
    }

    /** conv 3³: 27·in·out + out; BN (all convs but the first): γ, β; dense flat→dense→1 with biases. */
    private static long parameterCount(int x, int y, int z, int[] widths, int dense) {
        long n = 0;
        long c = 1;
        for (int i = 0; i < widths.length; i++) {
            n += 27L * c * widths[i] + widths[i] + (i > 0 ? 2L * widths[i] : 0);
            c = widths[i];
        }
        int[] fs = featureSize(x, y, z, widths.length);
        long flat = c * fs[0] * fs[1] * fs[2];
        return n + flat * dense + dense + dense + 1;
    }

    private static long activation(int x, int y, int z, int[] widths) {
        long widest = 0;
        for (int i = 0; i < widths.length; i++) {
            int[] s = featureSize(x, y, z, i + 1);
            widest = Math.max(widest, (long) widths[i] * s[0] * s[1] * s[2]);
        }
        return widest;
    }
}
