package org.mrisr.engine.srgan.net;

import org.mrisr.engine.InvalidInputException;

/**
 * Generator architecture.
 *
 * @param factor       isotropic upsampling factor, a power of two ≥ 2 (one upsampling block per ×2)
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

    public GeneratorConfig {
        if (factor < 2 || Integer.bitCount(factor) != 1) {
            throw new InvalidInputException("factor", "must be a power of two >= 2 (2 or 4), got " + factor);
        }
        if (method == null) {
            throw new InvalidInputException("upsampling method", "missing");
        }
        if (filters < 1 || blocks < 0 || upFilters < 1) {
            throw new InvalidInputException("generator", "filters, upFilters must be >= 1 and blocks >= 0");
        }
        if (!(slope >= 0 && slope < 1)) {
            throw new InvalidInputException("generator", "LeakyReLU slope must be in [0, 1), got " + slope);
        }
        if (!(initStd > 0)) {
            throw new InvalidInputException("generator", "init std must be > 0");
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
}
