package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Released gradients come back for the next request of their shape, only while a pool is active. */
class BufferPoolTest {
    private static final long[] BIG = {2, 8, 32, 32, 32}; // 2 MiB of float32: pooled

    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    @Test
    void releasedArraysAreReusedForTheSameShape() {
        try (BufferPool pool = new BufferPool(); BufferPool.Scope s = pool.activate()) {
            INDArray a = BufferPool.uninitialized(DataType.FLOAT, BIG);
            INDArray other = BufferPool.uninitialized(DataType.FLOAT, 2, 8, 32, 32, 16);
            Layer.release(a);
            assertSame(a, BufferPool.uninitialized(DataType.FLOAT, BIG), "same shape: the released array");
            assertNotSame(a, BufferPool.uninitialized(DataType.FLOAT, BIG), "a second request while the first is out");
            assertFalse(other.wasClosed());
            // two of the big shape (one reused) and one of the other
            assertEquals(2L * 2 * 8 * 32 * 32 * 32 * 4 + 2L * 8 * 32 * 32 * 16 * 4, pool.bytes());
            assertEquals(0.0, BufferPool.zeros(DataType.FLOAT, 2, 8, 32, 32, 16).maxNumber().doubleValue());
        }
    }

    @Test
    void aStepsEndFreesEverythingHandedOut() {
        try (BufferPool pool = new BufferPool()) {
            INDArray a;
            try (BufferPool.Scope s = pool.activate()) {
                a = BufferPool.uninitialized(DataType.FLOAT, BIG);
            }
            pool.reclaimAll();
            try (BufferPool.Scope s = pool.activate()) {
                assertSame(a, BufferPool.uninitialized(DataType.FLOAT, BIG));
            }
        }
    }

    @Test
    void withoutAPoolArraysArePlainAndReleaseFreesThem() {
        INDArray a = BufferPool.uninitialized(DataType.FLOAT, BIG);
        Layer.release(a);
        assertTrue(a.wasClosed());
        try (BufferPool pool = new BufferPool(); BufferPool.Scope s = pool.activate()) {
            INDArray small = BufferPool.uninitialized(DataType.FLOAT, 4, 4);
            Layer.release(small);
            assertTrue(small.wasClosed(), "small arrays are not pooled");
        }
    }
}
