package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataBuffer;
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
 *
 * <p>Memory in inference ({@code forward(x, false)}, run outside workspaces so that off-heap memory
 * is freed as soon as possible rather than when the garbage collector runs):
 * <ul>
 * <li>The caller owns {@code x}. forward must neither modify nor free it, and may return a new
 * array, {@code x} itself, a view of {@code x} (reshape, sub-array) or an alias of its buffer
 * (ND4J's permute).</li>
 * <li>The caller owns the result and may free it with {@link #release} once done. A result that
 * {@link #sharesMemory shares memory} with {@code x} is freed with it, so a caller that frees
 * one while still using the other must check first.</li>
 * <li>forward must not rely on {@code x} staying alive after it returns: composites
 * ({@link Sequential}, {@link Residual}) free every intermediate they made as soon as the next
 * layer's output exists. They never free their own input, nor an array the next output shares
 * memory with (that one is left to the garbage collector). A backward after an inference forward
 * (gradient checks) is valid only while the caller keeps {@code x} alive.</li>
 * </ul>
 */
public abstract class Layer {
    /*
     * Memory in training backward, which the trainer runs outside workspaces so that each gradient is freed
     * once used (a workspace frees nothing until it closes): backward owns and frees its temporaries; the
     * caller owns the returned input gradient and frees it with release once used; backward never frees
     * gradOut (the caller's), though in-place layers may write over it or return it. Composites free each
     * intermediate gradient as soon as the next exists. Backward allocates through BufferPool, so a freed
     * gradient is reused by the next of its shape when the trainer activates a pool. Inside a workspace,
     * release does nothing and all of this costs nothing.
     */


    public abstract INDArray forward(INDArray x, boolean training);

    public abstract INDArray backward(INDArray gradOut);

    /**
     * {@link #backward} for a caller that does not need dLoss/dInput (a discriminator's own step): the same
     * parameter gradients; the returned input gradient may be null. Layers that can skip work override it.
     */
    public INDArray backwardParameters(INDArray gradOut) {
        return backward(gradOut);
    }

    /**
     * {@link #backward} for a caller that needs only dLoss/dInput (a generator's step through the discriminator,
     * whose parameter gradients are zeroed before its own step): the same input gradient, while this module's
     * parameter gradients are left undefined. Layers that can skip work override it.
     */
    public INDArray backwardInput(INDArray gradOut) {
        return backward(gradOut);
    }

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
     * Freeing an array frees every array that {@link #sharesMemory shares its memory}.
     */
    public static void release(INDArray a) {
        if (a == null || BufferPool.giveBack(a)) {
            return;
        }
        if (a.closeable()) {
            a.close();
        }
    }

    /**
     * Frees {@code intermediate} (see {@link #release}) unless it shares memory with one of
     * {@code keep}: how composites drop what they made without freeing their input or an output
     * that is a view of it.
     */
    public static void releaseUnlessShared(INDArray intermediate, INDArray... keep) {
        for (INDArray k : keep) {
            if (sharesMemory(intermediate, k)) {
                return;
            }
        }
        release(intermediate);
    }

    /**
     * Whether {@code a} and {@code b} use the same memory: one array, views of one another (reshape,
     * sub-arrays) or aliases of one buffer (ND4J's permute). Freeing one then frees the other.
     */
    public static boolean sharesMemory(INDArray a, INDArray b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return root(a.data()) == root(b.data());
    }

    /** The buffer that owns the memory: a view's buffer wraps its original one. */
    private static DataBuffer root(DataBuffer d) {
        DataBuffer o = d.originalDataBuffer();
        return o != null ? o : d;
    }

    /** Zeroes all gradient accumulators. */
    public final void zeroGrad() {
        for (Param p : trainable()) {
            p.grad().assign(0);
        }
    }
}
