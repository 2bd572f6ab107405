package org.mrisr.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/** Adds a learned per-channel bias [C] to an NCDHW tensor. */
public final class ChannelBias extends Layer {
    private final Param b;

    public ChannelBias(int channels) {
        this.b = Param.trainable("b", Arrays5.detachedZeros(channels));
    }

    public Param bias() {
        return b;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return Broadcast.add(x, b.value(), x.ulike(), 1);
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
