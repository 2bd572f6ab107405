package org.mrisr.engine.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference-only 3D convolution on channels-last float tensors [N, D, H, W, C] with what follows it per
 * output channel folded in: an evaluation-mode {@link BatchNorm3d} (into weights and bias), a bias that
 * the network adds after a pixel shuffle, and a LeakyReLU applied in place to the fresh output.
 *
 * <p>Why channels last: oneDNN picks that layout for these convolutions; handed NCDHW, libnd4j reorders
 * input and output on every call (about 20 % of a ×2 window, 10 % of a ×4 one here). Why folding: the
 * BatchNorm and bias passes each cost a read and a write of a whole activation, the convolution's bias add
 * is free. Folding is computed in double from the layer's current values, so results differ from the
 * plain path by float32 rounding only; the copies are taken when built, so later training does not reach
 * them (build again).
 */
public final class FusedConv3d {
    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final INDArray w;
    private final INDArray b;
    private final double slope;

    private FusedConv3d(int in, int out, int k, int stride, float[] weights, float[] bias, double slope) {
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.slope = slope;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.w = Nd4j.create(weights, new long[] {out, in, k, k, k}, 'c');
            this.b = Nd4j.create(bias, new long[] {out}, 'c');
        }
    }

    /** Starts from {@code conv}'s current weights and bias (zero when it has none). */
    public static Builder of(Conv3d conv) {
        return new Builder(conv);
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    /** conv, + bias, then LeakyReLU when folded in; {@code x} [N, D, H, W, in] float, left unchanged. */
    public INDArray forward(INDArray x) {
        if (x.rank() != 5 || x.size(4) != in || x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("fused conv3d expects float [N,D,H,W," + in + "], got " + x.dataType() + " "
                    + Arrays.toString(x.shape()));
        }
        // kD kH kW, sD sH sW, pD pH pW (ignored in SAME mode), dD dH dW, paddingMode 1 = SAME,
        // dataFormat 1 = NDHWC, wFormat 1 = [oC, iC, kD, kH, kW]
        int[] iargs = {k, k, k, stride, stride, stride, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        INDArray y = Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(x, w, b).addIntegerArguments(iargs).build())[0];
        if (!Double.isNaN(slope)) {
            LeakyRelu.applyInPlace(y, slope);
        }
        return y;
    }

    /** Folds per-channel steps into a copy of a convolution's weights (in double). */
    public static final class Builder {
        private final Conv3d conv;
        private final int out;
        private final int per;
        private double[] weights;
        private double[] bias;
        private double slope = Double.NaN;

        private Builder(Conv3d conv) {
            this.conv = conv;
            this.out = conv.outChannels();
            this.per = conv.inChannels() * conv.kernel() * conv.kernel() * conv.kernel();
            this.weights = toDouble(conv.weight().value());
            this.bias = conv.bias() == null ? new double[out] : toDouble(conv.bias().value());
        }

        /** y = scale·conv(x) + shift per channel: weights and bias times scale, shift added to the bias. */
        public Builder batchNorm(BatchNorm3d bn) {
            double[][] ss = bn.evalScaleShift();
            if (ss[0].length != out) {
                throw new IllegalArgumentException("batchnorm of " + ss[0].length + " channels after a conv to " + out);
            }
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < per; i++) {
                    weights[o * per + i] *= ss[0][o];
                }
                bias[o] = bias[o] * ss[0][o] + ss[1][o];
            }
            return this;
        }

        /**
         * A bias the network adds after a pixel shuffle by {@code r}: shuffled channel c comes from conv
         * channels c·r³ + p (p the phase), so each of them gets {@code shuffled[c]}.
         */
        public Builder shuffledBias(INDArray shuffled, int r) {
            double[] s = toDouble(shuffled);
            int r3 = r * r * r;
            if ((long) s.length * r3 != out) {
                throw new IllegalArgumentException("shuffled bias of " + s.length + " channels after a conv to " + out);
            }
            for (int o = 0; o < out; o++) {
                bias[o] += s[o / r3];
            }
            return this;
        }

        /**
         * Reorders the outputs phase-major for {@link PixelShuffle3d#shuffleChannelsLast}: new channel
         * p·C + c is old channel c·r³ + p, so each output voxel of the shuffle copies C contiguous floats.
         */
        public Builder phaseMajor(int r) {
            int r3 = r * r * r;
            int c = out / r3;
            double[] w2 = new double[weights.length];
            double[] b2 = new double[out];
            for (int old = 0; old < out; old++) {
                int nu = (old % r3) * c + old / r3;
                System.arraycopy(weights, old * per, w2, nu * per, per);
                b2[nu] = bias[old];
            }
            weights = w2;
            bias = b2;
            return this;
        }

        /** LeakyReLU with this slope applied in place after the bias. */
        public Builder leakyRelu(double s) {
            this.slope = s;
            return this;
        }

        public FusedConv3d build() {
            return new FusedConv3d(conv.inChannels(), out, conv.kernel(), conv.stride(), toFloat(weights), toFloat(bias),
                    slope);
        }
    }

    static double[] toDouble(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
