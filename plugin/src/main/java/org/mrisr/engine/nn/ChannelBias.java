package org.mrisr.engine.nn;

import java.nio.FloatBuffer;
import java.util.List;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/** Adds a learned per-channel bias [C] to an NCDHW tensor. */
public final class ChannelBias extends Layer {
    private final Param b;
    private final boolean inPlace;

    public ChannelBias(int channels) {
        this(channels, false);
    }

    private ChannelBias(int channels, boolean inPlace) {
        this.b = Param.trainable("b", Arrays5.detachedZeros(channels));
        this.inPlace = inPlace;
    }

    /**
     * A bias that in training adds itself over its input (backward needs neither): only where nothing else
     * reads that input, e.g. after a {@link PixelShuffle3d}. Inference is unchanged.
     */
    public static ChannelBias inPlace(int channels) {
        return new ChannelBias(channels, true);
    }

    public Param bias() {
        return b;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (training && inPlace && x.dataType() == DataType.FLOAT && !x.isView() && x.ordering() == 'c'
                && x.offset() == 0 && x.length() < Integer.MAX_VALUE) {
            addInPlace(x);
            return x;
        }
        return Broadcast.add(x, b.value(), x.ulike(), 1);
    }

    /** x[n, c, ...] += b[c] over a plain float NCDHW tensor, one channel plane at a time. */
    private void addInPlace(INDArray x) {
        float[] bias = b.value().data().asFloat();
        int c = bias.length;
        int plane = (int) (x.length() / (x.size(0) * c));
        FloatBuffer f = ChannelsLast.floats(x);
        Parallel.forRange((int) x.size(0) * c, (p0, p1) -> {
            FloatBuffer l = f.duplicate();
            for (int p = p0; p < p1; p++) {
                float v = bias[p % c];
                for (int i = p * plane, end = i + plane; i < end; i++) {
                    l.put(i, l.get(i) + v);
                }
            }
        });
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        b.grad().addi(gradOut.sum(0, 2, 3, 4));
        return gradOut;
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        out.add(b.prefixed(prefix));
    }
}
