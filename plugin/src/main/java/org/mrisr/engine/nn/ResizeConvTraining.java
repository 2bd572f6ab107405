package org.mrisr.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour ×2 upsampling followed by {@code conv} (3³, stride 1, 'same'), trained at the LR size:
 * [N, in, D, H, W] → [N, out, 2D, 2H, 2W], float NCDHW. The same function as {@link NearestUpsample3d}
 * then {@link Conv3d}, with the conv's own parameters (this layer has none of its own; the conv stays
 * where the network names it).
 *
 * <p>Why: the 8 output phases of the upsampled convolution are one 2³ convolution of the zero-padded LR
 * input to 8·out channels ({@link ResizeConv3d} derives the summed kernels), 8 instead of 27 multiply-adds
 * per HR voxel and channel pair, in forward and both backward products; the HR conv was most of a
 * resize-conv GAN step. Forward: phase kernels from the 3³ kernel (summed in double), the 2³ conv
 * ('valid' on the input padded by 1, D + 1 outputs per axis), then phase (a, b, e) of LR voxel (z, y, x),
 * found at (z + a, y + b, x + e), is copied to HR voxel (2z + a, 2y + b, 2x + e). Backward: the HR
 * gradient goes back to those places (zero where no phase reads), the 2³ conv's backward, and the phase
 * kernels' gradients are summed onto the 3³ taps they were built from (the transpose of the tap sums).
 * Results differ from the plain path by float32 rounding.
 */
public final class ResizeConvTraining extends Layer {
    private static final int PHASES = 8;
    private final Conv3d conv;
    private INDArray input;
    private INDArray phaseWeights;
    private INDArray phaseBias;
    // other data types (gradient checks run in double) take the plain path
    private final Sequential plainPath;
    private boolean plain;

    /** {@code conv}: kernel 3, stride 1, the convolution after a nearest ×2 upsampling. */
    public ResizeConvTraining(Conv3d conv) {
        if (conv.kernel() != 3 || conv.stride() != 1) {
            throw new IllegalArgumentException("resize-conv needs kernel 3, stride 1");
        }
        this.conv = conv;
        this.plainPath = new Sequential(new NearestUpsample3d(2), conv);
    }

    private static int[] iargs() {
        // 2³ kernel, stride 1, padding 1 with paddingMode 0 (VALID with the given padding), dilation 1,
        // dataFormat 0 = NCDHW, wFormat 1 = [oC, iC, kD, kH, kW]
        return new int[] {2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1};
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        plain = x.dataType() != DataType.FLOAT;
        if (plain) {
            return plainPath.forward(x, training);
        }
        int in = conv.inChannels();
        int out = conv.outChannels();
        if (x.rank() != 5 || x.size(1) != in) {
            throw new IllegalArgumentException("resize-conv expects [N," + in + ",D,H,W], got " + Arrays.toString(x.shape()));
        }
        INDArray[] wb = ResizeConv3d.phaseWeights(conv);
        INDArray wp = wb[0];
        INDArray bp = wb[1];
        INDArray xc = ChannelsLast.contiguous(x);
        // the phases are not needed after interleaving: a recycled array when the trainer pools (BufferPool)
        INDArray z = BufferPool.uninitialized(DataType.FLOAT, x.size(0), (long) PHASES * out, x.size(2) + 1, x.size(3) + 1,
                x.size(4) + 1);
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(xc, wp, bp).addOutputs(z)
                .addIntegerArguments(iargs()).build());
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT,
                new long[] {x.size(0), out, 2 * x.size(2), 2 * x.size(3), 2 * x.size(4)}, 'c');
        interleave(z, y, out, true);
        release(z);
        if (training) {
            input = xc;
            phaseWeights = wp;
            phaseBias = bp;
        } else {
            input = null;
            release(wp);
            release(bp);
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (plain) {
            return plainPath.backward(gradOut);
        }
        int in = conv.inChannels();
        int out = conv.outChannels();
        long n = input.size(0);
        INDArray gz = BufferPool.zeros(DataType.FLOAT, n, (long) PHASES * out, input.size(2) + 1, input.size(3) + 1,
                input.size(4) + 1);
        interleave(gz, ChannelsLast.contiguous(gradOut), out, false);
        INDArray gi = BufferPool.uninitialized(input.dataType(), input.shape());
        INDArray gwp = phaseWeights.ulike();
        INDArray gbp = phaseBias.ulike();
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(input, phaseWeights, phaseBias, gz)
                .addOutputs(gi, gwp, gbp).addIntegerArguments(iargs()).build());
        release(gz);
        float[] gp = gwp.data().asFloat();
        float[] gpb = gbp.data().asFloat();
        release(gwp);
        release(gbp);
        double[] gw = new double[out * in * 27];
        double[] gb = new double[out];
        for (int p = 0; p < PHASES; p++) {
            for (int o = 0; o < out; o++) {
                gb[o] += gpb[p * out + o];
                for (int i = 0; i < in; i++) {
                    ResizeConv3d.phaseKernelGradient(gp, ((p * out + o) * in + i) * PHASES, p, gw, (o * in + i) * 27);
                }
            }
        }
        conv.weight().grad().addi(Nd4j.createFromArray(gw).castTo(DataType.FLOAT).reshape(conv.weight().grad().shape()));
        if (conv.bias() != null) {
            conv.bias().grad().addi(Nd4j.createFromArray(gb).castTo(DataType.FLOAT));
        }
        return gi;
    }

    /**
     * Between the phase tensor [N, 8·C, D + 1, H + 1, W + 1] (channel p·C + c, p = 4a + 2b + e) and the HR
     * tensor [N, C, 2D, 2H, 2W]: {@code toHr} copies hr[n, c, 2z + a, 2y + b, 2x + e] =
     * phases[n, p·C + c, z + a, y + b, x + e]; otherwise the reverse (phase voxels no HR voxel reads are left
     * as they are).
     */
    private static void interleave(INDArray phases, INDArray hr, int c, boolean toHr) {
        int n = (int) hr.size(0);
        int d = (int) hr.size(2) / 2;
        int h = (int) hr.size(3) / 2;
        int w = (int) hr.size(4) / 2;
        FloatBuffer pb = ChannelsLast.floats(phases);
        FloatBuffer hb = ChannelsLast.floats(hr);
        int ho = 2 * h;
        int wo = 2 * w;
        long plane = (long) (d + 1) * (h + 1) * (w + 1);
        Parallel.forRange(n * c * 2 * d, (from, to) -> {
            FloatBuffer pl = pb.duplicate();
            FloatBuffer hl = hb.duplicate();
            for (int row = from; row < to; row++) {
                int zo = row % (2 * d);
                int nc = row / (2 * d);
                int a = zo % 2;
                int ch = nc % c;
                int b0 = nc / c;
                for (int yo = 0; yo < ho; yo++) {
                    int bq = yo % 2;
                    int hrBase = (int) (((long) row * ho + yo) * wo);
                    // phases (a, bq, 0) and (a, bq, 1) of this HR row, at LR row (zo/2 + a, yo/2 + bq)
                    long lrRow = ((long) (zo / 2 + a) * (h + 1) + yo / 2 + bq) * (w + 1);
                    int p0 = (a * 2 + bq) * 2;
                    int base0 = (int) (((long) b0 * PHASES * c + (long) p0 * c + ch) * plane + lrRow);
                    int base1 = (int) (base0 + c * plane + 1);
                    if (toHr) {
                        for (int x = 0; x < w; x++) {
                            hl.put(hrBase + 2 * x, pl.get(base0 + x));
                            hl.put(hrBase + 2 * x + 1, pl.get(base1 + x));
                        }
                    } else {
                        for (int x = 0; x < w; x++) {
                            pl.put(base0 + x, hl.get(hrBase + 2 * x));
                            pl.put(base1 + x, hl.get(hrBase + 2 * x + 1));
                        }
                    }
                }
            }
        });
    }
}
