package org.mrisr.engine.srgan.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.mrisr.engine.nn.BatchNorm3d;
import org.mrisr.engine.nn.ChannelBias;
import org.mrisr.engine.nn.ChannelsLast;
import org.mrisr.engine.nn.Conv3d;
import org.mrisr.engine.nn.FusedConv3d;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.LeakyRelu;
import org.mrisr.engine.nn.NearestUpsample3d;
import org.mrisr.engine.nn.Residual;
import org.mrisr.engine.nn.ResizeConv3d;
import org.mrisr.engine.nn.Sequential;
import org.mrisr.engine.nn.SingleOutputConv3d;
import org.mrisr.engine.nn.Tanh;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generator's evaluation-mode forward pass built for speed from a copy of its current weights: the
 * same function as {@code generator.forward(x, false)} within float32 rounding (folding and summation
 * order), for prediction only. What it does differently, each measured on the shipped models with
 * DNNL_VERBOSE and per-step timings:
 * <ul>
 * <li>activations are channels last, the layout oneDNN computes in, so no reorders around each
 * convolution ({@link FusedConv3d});</li>
 * <li>BatchNorm is folded into the convolution before it, LeakyReLU runs in place on the convolution's
 * output, and the residual sums are added in place;</li>
 * <li>the resize-conv blocks' nearest ×2 upsampling and the 3³ convolution after it run as one 2³
 * convolution per output phase at the LR size ({@link ResizeConv3d}): 64 instead of 216 multiply-adds per
 * LR voxel and channel pair, and no upsampled copy of the input;</li>
 * <li>the sub-pixel convolutions write their channels phase-major, so the shuffle copies contiguous runs,
 * and the sub-pixel-NN bias after the shuffle becomes the convolution's bias;</li>
 * <li>the last convolution (one output channel) is {@link SingleOutputConv3d}, which reads the last
 * block's output unshuffled (sub-pixel) or with its phases not interleaved (resize-conv); tanh and the
 * input skip run on its Java array.</li>
 * </ul>
 * Memory: as the plain pass, each activation is freed as soon as the next exists (at most two of the
 * largest at once, no reorder copies; the ×4 generator's shuffled 64-channel HR tensor is never made).
 */
public final class GeneratorInference {
    private final int factor;
    private final boolean tanh;
    private final boolean inputSkip;
    private final FusedConv3d head;
    private final List<FusedConv3d[]> blocks = new ArrayList<>();
    private final FusedConv3d trunkEnd;
    private final List<UnaryOperator<INDArray>> up = new ArrayList<>();
    private final SingleOutputConv3d last;

    GeneratorInference(Generator g) {
        GeneratorConfig c = g.config();
        factor = c.factor();
        tanh = c.tanhOutput();
        inputSkip = c.inputSkip();
        List<Layer> hl = g.head().layers();
        head = FusedConv3d.of((Conv3d) hl.get(0)).batchNorm((BatchNorm3d) hl.get(1)).leakyRelu(slope(hl.get(2))).build();
        List<Layer> tl = g.trunk().layers();
        for (int i = 0; i < c.blocks(); i++) {
            List<Layer> b = ((Sequential) ((Residual) tl.get(i)).body()).layers();
            blocks.add(new FusedConv3d[] {
                FusedConv3d.of((Conv3d) b.get(0)).batchNorm((BatchNorm3d) b.get(1)).leakyRelu(slope(b.get(2))).build(),
                FusedConv3d.of((Conv3d) b.get(3)).batchNorm((BatchNorm3d) b.get(4)).build()});
        }
        trunkEnd = FusedConv3d.of((Conv3d) tl.get(c.blocks())).batchNorm((BatchNorm3d) tl.get(c.blocks() + 1)).build();
        List<Layer> ul = g.upsampling().layers();
        int i = 0;
        for (int b = 0; b < c.upBlocks(); b++) {
            boolean lastBlock = b == c.upBlocks() - 1;
            switch (c.method()) {
                case RESIZE_CONV -> {
                    // conv, lrelu, nearest x2, conv, lrelu: the last three as phase convolutions at the LR size;
                    // the last block's phases are interleaved inside the final one-channel convolution
                    FusedConv3d before = FusedConv3d.of((Conv3d) ul.get(i)).leakyRelu(slope(ul.get(i + 1))).build();
                    ResizeConv3d after = new ResizeConv3d((Conv3d) ul.get(i + 3), slope(ul.get(i + 4)));
                    up.add(before::forward);
                    up.add(lastBlock ? after::forwardPhases : after::forward);
                    i += 5;
                }
                case SUBPIXEL -> {
                    // conv, lrelu, shuffle: the lrelu commutes with the shuffle
                    shuffleBlock(FusedConv3d.of((Conv3d) ul.get(i)).phaseMajor(2), slope(ul.get(i + 1)), lastBlock);
                    i += 3;
                }
                case SUBPIXEL_NN -> {
                    // conv (no bias), shuffle, bias, lrelu: bias and lrelu commute with the shuffle
                    shuffleBlock(FusedConv3d.of((Conv3d) ul.get(i)).shuffledBias(((ChannelBias) ul.get(i + 2)).bias().value(), 2)
                            .phaseMajor(2), slope(ul.get(i + 3)), lastBlock);
                    i += 4;
                }
                default -> throw new IllegalStateException();
            }
        }
        // the last block's shuffle or phase interleave runs inside the final one-channel convolution
        Conv3d end = (Conv3d) ul.get(i);
        last = c.method() == UpsamplingMethod.RESIZE_CONV ? SingleOutputConv3d.afterResizeConv(end)
                : new SingleOutputConv3d(end, 2);
    }

    /** A phase-major convolution with its activation, and the shuffle after it unless the final convolution does it. */
    private void shuffleBlock(FusedConv3d.Builder conv, double slope, boolean lastBlock) {
        FusedConv3d fused = conv.leakyRelu(slope).build();
        up.add(fused::forward);
        if (!lastBlock) {
            up.add(x -> ChannelsLast.shuffle(x, 2));
        }
    }

    private static double slope(Layer l) {
        return ((LeakyRelu) l).slope();
    }


    /**
     * [N, 1, D, H, W] normalised LR (float) → the generator's output [N, 1, rD, rH, rW] as a C-order Java
     * array (the voxel order of a {@code Volume} per batch entry). {@code x} is left unchanged.
     */
    public float[] forward(INDArray x) {
        if (x.rank() != 5 || x.size(1) != 1 || x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("generator expects float [N,1,D,H,W], got " + x.dataType() + " "
                    + Arrays.toString(x.shape()));
        }
        int n = (int) x.size(0);
        int d = (int) x.size(2);
        int h = (int) x.size(3);
        int w = (int) x.size(4);
        // one channel: NCDHW and NDHWC hold the same floats in the same order
        INDArray in = x.dup('c').reshape('c', n, d, h, w, 1);
        INDArray hd = head.forward(in);
        INDArray t = hd;
        for (FusedConv3d[] b : blocks) {
            INDArray u = b[0].forward(t);
            INDArray v = b[1].forward(u);
            Layer.release(u);
            v.addi(t);
            if (t != hd) {
                Layer.release(t);
            }
            t = v;
        }
        INDArray y = trunkEnd.forward(t);
        if (t != hd) {
            Layer.release(t);
        }
        y.addi(hd);
        Layer.release(hd);
        for (UnaryOperator<INDArray> step : up) {
            INDArray next = step.apply(y);
            Layer.release(y);
            y = next;
        }
        float[] out = last.forward(y);
        Layer.release(y);
        if (tanh) {
            Tanh.applyInPlace(out);
        }
        if (inputSkip) {
            NearestUpsample3d.addInto(out, in.data().asFloat(), n * d, h, w, factor);
        }
        Layer.release(in);
        return out;
    }
}
