package org.mrisr.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named array a network owns: a trainable parameter (with its gradient accumulator) or a
 * non-trainable buffer such as BatchNorm's running statistics ({@code grad == null}).
 *
 * <p>Both arrays are detached from any workspace (created at construction) and updated in place,
 * so they survive the per-step workspace that holds all activations.
 */
public final class Param {
    private final String name;
    private final INDArray value;
    private final INDArray grad;

    private Param(String name, INDArray value, INDArray grad) {
        this.name = name;
        this.value = value;
        this.grad = grad;
    }

    public static Param trainable(String name, INDArray value) {
        return new Param(name, value, value.ulike().assign(0));
    }

    public static Param buffer(String name, INDArray value) {
        return new Param(name, value, null);
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    /** The gradient accumulator (same shape as the value); null for buffers. */
    public INDArray grad() {
        return grad;
    }

    public boolean isTrainable() {
        return grad != null;
    }

    /** This parameter under a prefixed name (same arrays). */
    Param prefixed(String prefix) {
        return new Param(prefix + name, value, grad);
    }
}
