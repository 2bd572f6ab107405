package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The inference memory contract of {@link Layer}: composites free the intermediates they made, but
 * never their input and never an array the next output shares memory with, so layers may return
 * their input, a view of it (reshape, sub-array) or an alias (permute).
 */
class InferenceOwnershipTest {
    /** A layer computing {@code f(x)} with no backward (inference only). */
    private static Layer layer(UnaryOperator<INDArray> f) {
        return new Layer() {
            @Override
            public INDArray forward(INDArray x, boolean training) {
                return f.apply(x);
            }

            @Override
            public INDArray backward(INDArray gradOut) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Layer scale(double k) {
        return layer(x -> x.mul(k));
    }

    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    private static INDArray input() {
        return Nd4j.linspace(DataType.FLOAT, 1, 2 * 3 * 4 * 4 * 4, 1).reshape('c', 2, 3, 4, 4, 4).dup('c');
    }

    private static float[] values(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static float[] times(INDArray x, float k) {
        float[] v = values(x);
        for (int i = 0; i < v.length; i++) {
            v[i] *= k;
        }
        return v;
    }

    @Test
    void viewsOfAnIntermediateStayValid() {
        Layer[] views = {
            layer(x -> x.reshape('c', x.size(0), x.length() / x.size(0))), // a view
            layer(x -> x.permute(0, 1, 4, 3, 2).permute(0, 1, 4, 3, 2)), // an alias owning the same buffer
            layer(x -> x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3))), // a sub-array view
            layer(x -> x), // the input itself
        };
        for (Layer view : views) {
            INDArray x = input();
            INDArray y = new Sequential(scale(2), view, scale(3), view, scale(0.5)).forward(x, false);
            assertArrayEquals(times(x, 3), values(y));
        }
    }

    @Test
    void theCallersInputIsNeverFreed() {
        INDArray x = input();
        float[] before = values(x);
        INDArray y = new Sequential(layer(a -> a.permute(0, 1, 4, 3, 2).permute(0, 1, 4, 3, 2)), scale(2), scale(2))
                .forward(x, false);
        assertArrayEquals(times(x, 4), values(y));
        assertFalse(x.wasClosed());
        assertArrayEquals(before, values(x));

        INDArray r = new Residual(new Sequential()).forward(x, false);
        assertArrayEquals(times(x, 2), values(r));
        assertFalse(x.wasClosed(), "an identity body must not free the residual's input");
    }

    @Test
    void intermediatesAreStillFreed() {
        INDArray[] made = new INDArray[1];
        Layer remember = layer(a -> {
            made[0] = a.mul(2);
            return made[0];
        });
        new Sequential(remember, scale(3)).forward(input(), false);
        assertTrue(made[0].wasClosed(), "inference frees an intermediate once the next output exists");
    }

    @Test
    void sharesMemoryDetectsViewsAndAliases() {
        INDArray x = input();
        assertTrue(Layer.sharesMemory(x, x));
        assertTrue(Layer.sharesMemory(x, x.reshape('c', 2, 192)));
        assertTrue(Layer.sharesMemory(x.get(NDArrayIndex.point(1)), x));
        assertTrue(Layer.sharesMemory(x.permute(4, 3, 2, 1, 0), x));
        assertFalse(Layer.sharesMemory(x, x.dup()));
    }
}
