package org.mrisr.engine.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * max(x, slope·x) elementwise (slope in [0, 1)). Float tensors take direct loops on the compute pool (ND4J's
 * lrelu/lrelu_bp ran at ~150 M elements/s here, a quarter of a training step's time); other types
 * use ND4J's ops.
 *
 * <p>{@link #inPlace} saves two activations per layer in training (a GAN step held one copy before and
 * one gradient after each LeakyReLU in its workspace): forward overwrites its input and backward its
 * gradOut. Backward then reads the sign from the output, which is exact: for slope in [0, 1),
 * out &gt; 0 exactly when x &gt; 0 (NaN is neither).
 */
public final class LeakyRelu extends Layer {
    /** Elements per task: small tensors stay on the calling thread. */
    private static final int CHUNK = 1 << 16;
    private final double slope;
    private final boolean inPlace;
    private INDArray input;

    public LeakyRelu(double slope) {
        this(slope, false);
    }

    private LeakyRelu(double slope, boolean inPlace) {
        this.slope = slope;
        this.inPlace = inPlace;
    }

    /**
     * A LeakyReLU that in training writes its output over its input and its input gradient over its
     * gradOut. Only where nothing else reads either: the input is the output of a layer that does not
     * keep it (Conv3d, BatchNorm3d, Dense, ChannelBias) and used by nothing else, and the caller of
     * backward does not read gradOut afterwards. Inference (training = false) is unchanged.
     */
    public static LeakyRelu inPlace(double slope) {
        return new LeakyRelu(slope, true);
    }

    public double slope() {
        return slope;
    }

    /** lrelu(a) written over {@code a} (a float array the caller owns): inference's fused activation. */
    public static void applyInPlace(INDArray a, double slope) {
        if (a.dataType() != DataType.FLOAT || !plain(a)) {
            Transforms.leakyRelu(a, slope, false);
            return;
        }
        loop(a, null, a, slope);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = training ? x : null; // inference releases activations: keep no reference
        if (x.dataType() == DataType.FLOAT && plain(x)) {
            // in place, input and output are one array: backward reads the sign from it
            return loop(x, null, training && inPlace ? x : Nd4j.createUninitialized(DataType.FLOAT, x.shape(), 'c'), slope);
        }
        return Transforms.leakyRelu(x, slope, true); // other types and views: not in place
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        // input is the output when forward ran in place: its sign is the input's
        if (input.dataType() == DataType.FLOAT && plain(input) && gradOut.dataType() == DataType.FLOAT && plain(gradOut)) {
            return loop(input, gradOut, inPlace ? gradOut : BufferPool.uninitialized(DataType.FLOAT, input.shape()),
                    slope);
        }
        INDArray gi = input.ulike();
        Nd4j.exec(new LeakyReLUBp(input, gradOut, gi, slope));
        return gi;
    }

    private static boolean plain(INDArray a) {
        return !a.isView() && a.ordering() == 'c' && a.offset() == 0 && a.length() < Integer.MAX_VALUE;
    }

    /**
     * Forward when {@code g} is null (out = lrelu(x)), else backward (out = g where x > 0, slope·g elsewhere);
     * {@code out} may be {@code x} (each element is read before it is written).
     *
     * <p>Both without a data-dependent branch: on activations whose signs look random a branch mispredicts
     * every other element, and the loop ran 4-5x slower (50 vs 10-13 ms for 16.7 M floats on 2 threads).
     * Forward is max(v, slope·v), equal to the select for slope in [0, 1]; backward multiplies by 1 or slope
     * picked by the sign bits (v > 0 exactly when v's bits as an int are > 0: -0.0 and +0.0 take slope, as
     * the select does; only a NaN input would differ). Same floats as the selects, bit for bit.
     */
    private static INDArray loop(INDArray x, INDArray g, INDArray out, double slope) {
        int n = (int) x.length();
        FloatBuffer xb = floats(x);
        FloatBuffer gb = g == null ? null : floats(g);
        FloatBuffer ob = floats(out);
        float s = (float) slope;
        boolean maxForm = s >= 0 && s <= 1;
        float[] factor = {1f, s};
        Parallel.forChunks(n, (n + CHUNK - 1) / CHUNK, (from, to) -> {
            FloatBuffer xl = xb.duplicate();
            FloatBuffer ol = ob.duplicate();
            if (gb != null) {
                FloatBuffer gl = gb.duplicate();
                for (int i = from; i < to; i++) {
                    int u = Float.floatToRawIntBits(xl.get(i));
                    // sign of (u | (u - 1)) is set exactly when u <= 0 as an int, i.e. v is not > 0
                    ol.put(i, gl.get(i) * factor[((u | (u - 1)) >>> 31) & 1]);
                }
            } else if (maxForm) {
                for (int i = from; i < to; i++) {
                    float v = xl.get(i);
                    ol.put(i, Math.max(v, v * s));
                }
            } else {
                for (int i = from; i < to; i++) {
                    float v = xl.get(i);
                    ol.put(i, v > 0 ? v : v * s);
                }
            }
        });
        return out;
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
