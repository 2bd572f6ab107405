package org.mrisr.engine.nn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recycled arrays for training backward: a gradient freed with {@link Layer#release} goes back to the pool
 * and the next request of its shape gets it again, instead of new memory.
 *
 * <p>Why: backward runs outside workspaces so that each gradient is freed once used (a workspace frees
 * nothing until it closes: a GAN step held all its gradients to the end). But a freed large array goes back
 * to the system, and the next one of the same size is faulted in page by page: ~1.1 M extra page faults
 * and 0.3 s per sub-pixel GAN step. The pool keeps what backward freed, so memory is at most the largest
 * set of gradients alive at once, faulted in once.
 *
 * <p>Use: {@link #activate} around a training step (one thread; the trainer does). Layers allocate gradients
 * and forward temporaries (arrays they release before returning) with {@link #uninitialized} or
 * {@link #zeros}, which fall back to plain ND4J arrays when no pool is active (inference, tests); forward
 * outputs stay in the step's workspace. {@link #reclaimAll} ends a step: every array handed out is free
 * again (by then nothing holds a gradient of the step), so an array a caller forgot to release is reused
 * next step rather than lost. {@link #close} frees everything. Arrays smaller than 1 MiB are not pooled
 * (the C allocator reuses them anyway).
 */
public final class BufferPool implements AutoCloseable {
    private static final long MIN_ELEMENTS = (1 << 20) / 4;
    private static final ThreadLocal<BufferPool> ACTIVE = new ThreadLocal<>();
    private final Map<String, ArrayDeque<INDArray>> free = new HashMap<>();
    // handed out and not yet given back, by identity
    private final Map<INDArray, String> out = new IdentityHashMap<>();
    private long bytes;

    /** Makes this pool the active one of the calling thread until the returned scope is closed. */
    public Scope activate() {
        BufferPool previous = ACTIVE.get();
        ACTIVE.set(this);
        return () -> ACTIVE.set(previous);
    }

    /** The scope of {@link #activate}; closing it restores the previously active pool (if any). */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A new uninitialised c-order array: a recycled one of the same type and shape from the active pool,
     * else allocated (outside any workspace when a pool is active); plain {@code Nd4j.createUninitialized}
     * without a pool.
     */
    public static INDArray uninitialized(DataType type, long... shape) {
        BufferPool pool = ACTIVE.get();
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (pool == null || n < MIN_ELEMENTS) {
            return Nd4j.createUninitialized(type, shape, 'c');
        }
        return pool.take(type, shape);
    }

    /** As {@link #uninitialized}, filled with zeros. */
    public static INDArray zeros(DataType type, long... shape) {
        return uninitialized(type, shape).assign(0);
    }

    /** Gives {@code a} back to the active pool if it came from it; returns whether it did. */
    static boolean giveBack(INDArray a) {
        BufferPool pool = ACTIVE.get();
        if (pool == null) {
            return false;
        }
        String key = pool.out.remove(a);
        if (key == null) {
            return false;
        }
        pool.free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(a);
        return true;
    }

    private INDArray take(DataType type, long[] shape) {
        String key = type + Arrays.toString(shape);
        ArrayDeque<INDArray> q = free.get(key);
        INDArray a = q == null ? null : q.poll();
        if (a == null) {
            try (MemoryWorkspace detached = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                a = Nd4j.createUninitialized(type, shape, 'c');
            }
            bytes += a.length() * type.width();
        }
        out.put(a, key);
        return a;
    }

    /** Ends a step: every array handed out is free for reuse. */
    public void reclaimAll() {
        for (Map.Entry<INDArray, String> e : out.entrySet()) {
            free.computeIfAbsent(e.getValue(), k -> new ArrayDeque<>()).push(e.getKey());
        }
        out.clear();
    }

    /** Bytes of all arrays this pool holds or has handed out. */
    public long bytes() {
        return bytes;
    }

    /** Frees every array (those handed out too: call it when no gradient is in use). */
    @Override
    public void close() {
        reclaimAll();
        for (ArrayDeque<INDArray> q : free.values()) {
            for (INDArray a : q) {
                a.close();
            }
        }
        free.clear();
        bytes = 0;
    }
}
