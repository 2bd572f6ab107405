package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable building block with explicit forward and backward passes.
 *
 * <p>Contract: {@link #forward} caches what {@link #backward} needs; {@link #backward} takes
 * dLoss/dOutput and returns dLoss/dInput, ADDING parameter gradients into {@link Param#grad()} (so
 * two forward/backward pairs before one optimiser step accumulate, as the discriminator step needs
 * for its real and fake batches). Arrays returned by forward/backward may live in the caller's
 * workspace; callers must not keep them across a workspace reset. Tensors are float32 NCDHW
 * ([batch, channels, z, y, x]) unless a module says otherwise.
 */
public abstract class Layer {

    public abstract INDArray forward(INDArray x, boolean training);

    public abstract INDArray backward(INDArray gradOut);

    /** Adds this module's named arrays (parameters and buffers) under {@code prefix}; composites recurse. */
    public void collect(String prefix, List<Param> out) {
    }

    /** All parameters and buffers, with stable hierarchical names (e.g. "head.0.w"). */
    public final List<Param> params() {
        List<Param> out = new ArrayList<>();
        collect("", out);
        return out;
    }

    /** Only the trainable parameters. */
    public final List<Param> trainable() {
        List<Param> out = new ArrayList<>();
        for (Param p : params()) {
            if (p.isTrainable()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Param p : trainable()) {
            n += p.value().length();
        }
        return n;
    }

    /**
     * Frees an intermediate's off-heap memory now. Inference (training = false) runs outside
     * workspaces and releases each activation as soon as the next exists, so its memory is about
     * two activations, not the whole network's; views and workspace arrays are left to their owners.
     */
    public static void release(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }

    /** Zeroes all gradient accumulators. */
    public final void zeroGrad() {
        for (Param p : trainable()) {
            p.grad().assign(0);
        }
    }
}
