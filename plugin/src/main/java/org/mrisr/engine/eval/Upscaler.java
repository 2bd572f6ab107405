package org.mrisr.engine.eval;

import java.util.function.UnaryOperator;

import org.mrisr.engine.volume.Volume;

/**
 * A named way to go from an LR volume to the HR grid (an interpolation baseline or a model), as
 * compared in the paper's Table 1.
 *
 * @param name    e.g. "cubic spline", "srgan resize-conv"
 * @param upscale LR volume → volume on the HR grid (shape r·n)
 */
public record Upscaler(String name, UnaryOperator<Volume> upscale) {
}
