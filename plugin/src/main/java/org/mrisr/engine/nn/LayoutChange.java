package org.mrisr.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A copy of a float tensor between NCDHW and channels-last [N, D, H, W, C]; backward copies the gradient
 * the other way. {@link TrainingForm} puts one where a channels-last run of layers meets a layer that
 * needs NCDHW.
 */
public final class LayoutChange extends Layer {
    /** Voxels per tile: a tile's C rows stay in cache while transposed. */
    private static final int TILE = 64;
    private final boolean toChannelsLast;

    private LayoutChange(boolean toChannelsLast) {
        this.toChannelsLast = toChannelsLast;
    }

    /** NCDHW → [N, D, H, W, C]. */
    public static LayoutChange toChannelsLast() {
        return new LayoutChange(true);
    }

    /** [N, D, H, W, C] → NCDHW. */
    public static LayoutChange toChannelsFirst() {
        return new LayoutChange(false);
    }

    public boolean producesChannelsLast() {
        return toChannelsLast;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return convert(x, toChannelsLast);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return convert(gradOut, !toChannelsLast);
    }

    /** {@code x} in the other layout: to channels last when {@code toLast}, else to NCDHW. */
    static INDArray convert(INDArray xIn, boolean toLast) {
        if (xIn.rank() != 5 || xIn.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("layout change expects a float rank-5 tensor, got " + xIn.dataType() + " "
                    + Arrays.toString(xIn.shape()));
        }
        INDArray x = ChannelsLast.contiguous(xIn);
        long[] s = x.shape();
        int n = (int) s[0];
        int c = (int) (toLast ? s[1] : s[4]);
        long[] outShape = toLast ? new long[] {n, s[2], s[3], s[4], c} : new long[] {n, c, s[1], s[2], s[3]};
        int v = Math.toIntExact(x.length() / ((long) n * c));
        INDArray y = BufferPool.uninitialized(DataType.FLOAT, outShape);
        FloatBuffer src = ChannelsLast.floats(x);
        FloatBuffer dst = ChannelsLast.floats(y);
        int tiles = (v + TILE - 1) / TILE;
        Parallel.forRange(n * tiles, (t0, t1) -> {
            FloatBuffer sb = src.duplicate();
            FloatBuffer db = dst.duplicate();
            for (int t = t0; t < t1; t++) {
                int base = (t / tiles) * v * c;
                int u0 = (t % tiles) * TILE;
                int u1 = Math.min(v, u0 + TILE);
                for (int ch = 0; ch < c; ch++) {
                    int first = base + ch * v; // [C, V] element (ch, u)
                    for (int u = u0; u < u1; u++) {
                        int last = base + u * c + ch; // [V, C] element (u, ch)
                        if (toLast) {
                            db.put(last, sb.get(first + u));
                        } else {
                            db.put(first + u, sb.get(last));
                        }
                    }
                }
            }
        });
        return y;
    }
}
