package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Modules applied in order; parameters are named by position ("0.w", "1.gamma", ...). In inference
 * each intermediate is freed once the next layer's output exists, unless that output is the
 * intermediate itself or a view of it, or the intermediate is (a view of) this module's input (see
 * {@link Layer} on memory).
 */
public final class Sequential extends Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = x;
        for (Layer m : layers) {
            INDArray next = m.forward(y, training);
            if (!training) {
                releaseUnlessShared(y, x, next);
            }
            y = next;
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray g = gradOut;
        List<Layer> rev = new ArrayList<>(layers);
        Collections.reverse(rev);
        for (Layer m : rev) {
            g = next(g, m.backward(g), gradOut);
        }
        return g;
    }

    /** Frees the used intermediate gradient {@code g} (not the caller's gradOut, nor memory next shares). */
    private static INDArray next(INDArray g, INDArray next, INDArray gradOut) {
        if (g != gradOut) {
            releaseUnlessShared(g, next, gradOut);
        }
        return next;
    }

    @Override
    public INDArray backwardInput(INDArray gradOut) {
        INDArray g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = next(g, layers.get(i).backwardInput(g), gradOut);
        }
        return g;
    }

    /** The first layer is asked for parameter gradients only ({@link Layer#backwardParameters}). */
    @Override
    public INDArray backwardParameters(INDArray gradOut) {
        INDArray g = gradOut;
        for (int i = layers.size() - 1; i > 0; i--) {
            g = next(g, layers.get(i).backward(g), gradOut);
        }
        return layers.isEmpty() ? g : next(g, layers.get(0).backwardParameters(g), gradOut);
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).collect(prefix + i + ".", out);
        }
    }
}
