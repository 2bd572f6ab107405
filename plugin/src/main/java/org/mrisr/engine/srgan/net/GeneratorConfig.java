package org.mrisr.engine.srgan.net;

import org.mrisr.engine.InvalidInputException;

/**
 * Generator architecture.
 *
 * @param factor       isotropic upsampling factor 2, 4 or 8 (one upsampling block per ×2)
 * @param method       upsampling block kind
 * @param filters      channels of the residual trunk (paper 32)
 * @param blocks       residual blocks (paper 6)
 * @param upFilters    channels inside the upsampling blocks (paper 64)
 * @param slope        LeakyReLU slope (reference code 0.25)
 * @param tanhOutput   tanh after the final convolution (outputs in [-1, 1], like the normalised data)
 * @param initStd      weights ~ N(0, initStd²) (paper 0.02)
 * @param inputSkip    beyond the paper: add the nearest-neighbour upsampled input to the output, so
 *                     the network learns only the residual to a blocky baseline (global residual
 *                     learning, as in VDSR); trains much faster on few cores; no extra parameters
 */
public record GeneratorConfig(int factor, UpsamplingMethod method, int filters, int blocks, int upFilters,
        double slope, boolean tanhOutput, double initStd, boolean inputSkip) {

    /** Bounds a real 3D SRGAN generator stays far inside (docs/model-format.md, Bounds). */
    public static final int MAX_FILTERS = 256;
    public static final int MAX_BLOCKS = 64;
    public static final int MAX_UP_FILTERS = 1024;
    /** Stored values (weights and BN statistics): 128 MiB as float32, ~20x the largest shipped model. */
    public static final long MAX_VALUES = 1L << 25;
    /** Values of the largest layer output per LR input voxel: 1 GiB for a 16³ LR window. */
    public static final long MAX_ACTIVATION = 1L << 16;

    /** Checks every size before anything is allocated; errors name the model.json field. */
    public GeneratorConfig {
        if (factor != 2 && factor != 4 && factor != 8) {
            throw new InvalidInputException("generator.factor", factor + " is not supported: use 2, 4 or 8 (one x2"
                    + " upsampling block each)");
        }
        if (method == null) {
            throw new InvalidInputException("generator.upsampling", "missing");
        }
        SizeBounds.require("generator.filters", filters, 1, MAX_FILTERS, "the paper uses 32");
        SizeBounds.require("generator.residualBlocks", blocks, 0, MAX_BLOCKS, "the paper uses 6");
        SizeBounds.require("generator.upsamplingFilters", upFilters, 1, MAX_UP_FILTERS, "the paper uses 64");
        if (method == UpsamplingMethod.SUBPIXEL && upFilters % 8 != 0) {
            throw new InvalidInputException("generator.upsamplingFilters", "sub-pixel upsampling needs a multiple of 8"
                    + " (the shuffle makes upsamplingFilters/8 channels), got " + upFilters);
        }
        if (!(slope >= 0 && slope < 1)) {
            throw new InvalidInputException("generator.leakyReluSlope", "must be in [0, 1), got " + slope);
        }
        if (!(initStd > 0 && initStd < Double.POSITIVE_INFINITY)) {
            throw new InvalidInputException("generator.initStd", "must be > 0 and finite, got " + initStd);
        }
        String fields = "filters " + filters + ", residualBlocks " + blocks + ", upsamplingFilters " + upFilters + " (x"
                + factor + " " + method.id() + ")";
        SizeBounds.requireTotal("generator", fields, storedValueCount(factor, method, filters, blocks, upFilters),
                MAX_VALUES, "the shipped x4 model stores 1.7 M");
        long act = activation(factor, method, filters, upFilters);
        if (act > MAX_ACTIVATION) {
            throw new InvalidInputException("generator", fields + " make layer outputs of " + act
                    + " values per LR voxel, more than the " + MAX_ACTIVATION + " this mrisr runs (the paper's x4 has 4096;"
                    + " see docs/model-format.md, Bounds)");
        }
    }

    /** The paper's generator for a factor and method. */
    public static GeneratorConfig paper(int factor, UpsamplingMethod method) {
        return new GeneratorConfig(factor, method, 32, 6, 64, 0.25, true, 0.02, false);
    }

    /** The same architecture with or without the global input skip. */
    public GeneratorConfig withInputSkip(boolean skip) {
        return new GeneratorConfig(factor, method, filters, blocks, upFilters, slope, tanhOutput, initStd, skip);
    }

    /** Number of ×2 upsampling blocks. */
    public int upBlocks() {
        return Integer.numberOfTrailingZeros(factor);
    }

    /** Trainable scalars of the generator this describes (equals {@code Generator.parameterCount()}). */
    public long parameterCount() {
        return parameterCount(factor, method, filters, blocks, upFilters);
    }

    /** Values a model file stores: the trainable scalars plus the BatchNorm running mean and variance. */
    public long storedValueCount() {
        return storedValueCount(factor, method, filters, blocks, upFilters);
    }

    /** Values of the largest layer output per LR input voxel (inference activations scale with it). */
    public long activationPerLrVoxel() {
        return activation(factor, method, filters, upFilters);
    }

    // static: the compact constructor checks these before the fields are assigned

    private static long storedValueCount(int factor, UpsamplingMethod m, int f, int blocks, int u) {
        long batchNorms = 2L * blocks + 2;
        return parameterCount(factor, m, f, blocks, u) + batchNorms * 2 * f;
    }

    /** conv 3³ in→out: 27·in·out weights + out biases; BN: γ, β per channel. */
    private static long parameterCount(int factor, UpsamplingMethod m, int f, int blocks, int u) {
        long conv = 27L * f * f + f;
        long bn = 2L * f;
        long n = 27L * f + f + bn + 2L * blocks * (conv + bn) + conv + bn;
        long c = f;
        for (int i = 0; i < Integer.numberOfTrailingZeros(factor); i++) {
            switch (m) {
                case RESIZE_CONV -> n += 27L * c * u + u + 27L * u * u + u;
                case SUBPIXEL -> n += 27L * c * u + u;
                // bias-free conv to 8u channels, then a per-channel bias after the shuffle
                case SUBPIXEL_NN -> n += 216L * c * u + u;
                default -> throw new IllegalStateException();
            }
            c = m == UpsamplingMethod.SUBPIXEL ? u / 8 : u;
        }
        return n + 27L * c + 1;
    }

    /** Channels × voxels per LR voxel of the widest layer output: the trunk, each upsampling block, the output. */
    private static long activation(int factor, UpsamplingMethod m, int f, int u) {
        long widest = Math.max(f, (long) factor * factor * factor);
        for (long s3 = 1, i = 0; i < Integer.numberOfTrailingZeros(factor); i++, s3 *= 8) {
            long block = switch (m) {
                case RESIZE_CONV -> 8L * u * s3; // conv at s, nearest x2, conv at 2s
                case SUBPIXEL -> u * s3; // conv to u at s, shuffle to u/8 at 2s
                case SUBPIXEL_NN -> 8L * u * s3; // conv to 8u at s, shuffle to u at 2s
            };
            widest = Math.max(widest, block);
        }
        return widest;
    }
}
