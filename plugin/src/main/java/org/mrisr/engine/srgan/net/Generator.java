package org.mrisr.engine.srgan.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.BatchNorm3d;
import org.mrisr.engine.nn.BufferPool;
import org.mrisr.engine.nn.ChannelBias;
import org.mrisr.engine.nn.Conv3d;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.LeakyRelu;
import org.mrisr.engine.nn.NearestUpsample3d;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.PixelShuffle3d;
import org.mrisr.engine.nn.Residual;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.nn.Sequential;
import org.mrisr.engine.nn.Tanh;
import org.mrisr.engine.nn.TrainingForm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's SRGAN generator: [N, 1, D, H, W] (normalised LR) → [N, 1, rD, rH, rW].
 *
 * <p>head: conv 1→f, BN, LReLU; trunk: {@code blocks} × (conv, BN, LReLU, conv, BN, + input), conv,
 * BN; long skip adds the head's output; then log2(r) upsampling blocks and a final conv to 1
 * channel (+ tanh); with {@link GeneratorConfig#inputSkip()} the nearest-neighbour upsampled input
 * is added to the output. Parameter names: "head.*", "trunk.*", "up.*".
 */
public final class Generator extends Layer {
    private final GeneratorConfig config;
    private final Sequential head;
    private final Sequential trunk;
    private final Sequential up;
    // what forward and backward run (TrainingForm: same layers and parameters, faster forms of some);
    // head and up name the parameters
    private final Sequential headRun;
    private final Sequential trunkRun;
    private final Sequential upRun;
    // whether the last forward ran the built layers (types other than float)
    private boolean ranBuilt;
    private final NearestUpsample3d skip;
    private final boolean inPlace;

    /** Weights drawn from a generator seeded with {@code seed}. */
    public Generator(GeneratorConfig config, long seed) {
        this(config, seed, true);
    }

    /**
     * {@code inPlace} false builds every LeakyReLU and residual sum with its own output and gradient
     * arrays: the plain path that tests compare the in-place one ({@link LeakyRelu#inPlace},
     * {@link Residual#inPlace}, the long skip) against.
     */
    public Generator(GeneratorConfig config, long seed, boolean inPlace) {
        this(config, seed, inPlace, true);
    }

    /** {@code trainingForms} false runs the built layers themselves (tests compare {@link TrainingForm} with them). */
    Generator(GeneratorConfig config, long seed, boolean inPlace, boolean trainingForms) {
        this.config = config;
        this.inPlace = inPlace;
        DoubleFunction<LeakyRelu> lrelu = inPlace ? LeakyRelu::inPlace : LeakyRelu::new;
        Rng rng = new Rng(seed);
        double std = config.initStd();
        int f = config.filters();
        head = new Sequential(new Conv3d(1, f, 3, 1, rng, std), new BatchNorm3d(f), lrelu.apply(config.slope()));
        List<Layer> t = new ArrayList<>();
        for (int i = 0; i < config.blocks(); i++) {
            Sequential body = new Sequential(new Conv3d(f, f, 3, 1, rng, std), new BatchNorm3d(f),
                    lrelu.apply(config.slope()), new Conv3d(f, f, 3, 1, rng, std), new BatchNorm3d(f));
            // the body ends in BatchNorm, which does not keep its output: the sum may overwrite it
            t.add(inPlace ? Residual.inPlace(body) : new Residual(body));
        }
        t.add(new Conv3d(f, f, 3, 1, rng, std));
        t.add(new BatchNorm3d(f));
        trunk = new Sequential(t);
        List<Layer> u = new ArrayList<>();
        int c = f;
        int uf = config.upFilters();
        for (int i = 0; i < config.upBlocks(); i++) {
            switch (config.method()) {
                case RESIZE_CONV -> {
                    u.add(new Conv3d(c, uf, 3, 1, rng, std));
                    u.add(lrelu.apply(config.slope()));
                    u.add(new NearestUpsample3d(2));
                    u.add(new Conv3d(uf, uf, 3, 1, rng, std));
                    u.add(lrelu.apply(config.slope()));
                    c = uf;
                }
                case SUBPIXEL -> {
                    u.add(new Conv3d(c, uf, 3, 1, rng, std));
                    u.add(lrelu.apply(config.slope()));
                    u.add(new PixelShuffle3d(2));
                    c = uf / 8;
                    if (c < 1 || uf % 8 != 0) {
                        throw new InvalidInputException("generator",
                                "sub-pixel upsampling needs upFilters divisible by 8, got " + uf);
                    }
                }
                case SUBPIXEL_NN -> {
                    u.add(new Conv3d(c, 8 * uf, 3, 1, icnr(rng, c, uf, std), false));
                    u.add(new PixelShuffle3d(2));
                    u.add(inPlace ? ChannelBias.inPlace(uf) : new ChannelBias(uf));
                    u.add(lrelu.apply(config.slope()));
                    c = uf;
                }
                default -> throw new IllegalStateException();
            }
        }
        u.add(new Conv3d(c, 1, 3, 1, rng, std));
        if (config.tanhOutput()) {
            u.add(new Tanh());
        }
        up = new Sequential(u);
        if (trainingForms) {
            // channels last from the head's output to the upsampling blocks (TrainingForm)
            TrainingForm.Form h = TrainingForm.channelsLast(head, false);
            headRun = h.run();
            trunkRun = TrainingForm.channelsLast(trunk, h.outputChannelsLast(), h.outputChannelsLast());
            upRun = TrainingForm.channelsLast(up, h.outputChannelsLast(), false);
        } else {
            headRun = head;
            trunkRun = trunk;
            upRun = up;
        }
        skip = config.inputSkip() ? new NearestUpsample3d(config.factor()) : null;
    }

    /**
     * ICNR weights [8·out, in, 3, 3, 3]: one random seed kernel per (out, in) pair, copied to all
     * eight shuffle phases, so conv+shuffle equals nearest-neighbour resize of conv3³(x; seed).
     * In transposed-convolution terms this is the 6³ kernel obtained by nearest-neighbour
     * upsampling of the (flipped) seed kernel, the paper's initialisation.
     */
    static float[] icnr(Rng rng, int in, int out, double std) {
        float[] seed = rng.gaussian(out * in * 27, std);
        float[] w = new float[8 * out * in * 27];
        int per = in * 27;
        for (int o = 0; o < out; o++) {
            for (int phase = 0; phase < 8; phase++) {
                System.arraycopy(seed, o * per, w, (o * 8 + phase) * per, per);
            }
        }
        return w;
    }

    public GeneratorConfig config() {
        return config;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 5 || x.size(1) != 1) {
            throw new IllegalArgumentException("generator expects [N,1,D,H,W], got " + Arrays.toString(x.shape()));
        }
        // the training forms take float tensors: other types (gradient checks in double) run the built layers
        ranBuilt = x.dataType() != DataType.FLOAT;
        INDArray h = (ranBuilt ? head : headRun).forward(x, training);
        INDArray tr = (ranBuilt ? trunk : trunkRun).forward(h, training);
        // the trunk ends in BatchNorm, which does not keep its output: training may sum over it
        INDArray t = training && inPlace ? tr.addi(h) : tr.add(h);
        if (!training) {
            release(tr);
            release(h);
        }
        INDArray y = (ranBuilt ? up : upRun).forward(t, training);
        if (!training) {
            release(t);
        }
        // not in place: the last layer (tanh) keeps its output for backward
        return skip == null ? y : y.add(skip.forward(x, training));
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        // the skip's share first: layers below may reuse gradOut's buffer
        INDArray gSkip = null;
        if (skip != null) {
            INDArray copy = BufferPool.uninitialized(gradOut.dataType(), gradOut.shape()).assign(gradOut);
            gSkip = skip.backward(copy);
            releaseUnlessShared(copy, gSkip);
        }
        INDArray gt = (ranBuilt ? up : upRun).backward(gradOut);
        INDArray gh = (ranBuilt ? trunk : trunkRun).backward(gt).addi(gt);
        releaseUnlessShared(gt, gh, gradOut);
        INDArray gx = (ranBuilt ? head : headRun).backward(gh);
        releaseUnlessShared(gh, gx, gradOut);
        if (gSkip != null) {
            gx.addi(gSkip);
            release(gSkip);
        }
        return gx;
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        head.collect(prefix + "head.", out);
        trunk.collect(prefix + "trunk.", out);
        up.collect(prefix + "up.", out);
    }

    /** The upsampling part (for tests of its blocks and {@link GeneratorInference}). */
    Sequential upsampling() {
        return up;
    }

    Sequential head() {
        return head;
    }

    Sequential trunk() {
        return trunk;
    }

    /**
     * A fast inference copy of the current weights (BatchNorm folded, channels last): the same results
     * within float32 rounding; build it again after the weights change.
     */
    public GeneratorInference inference() {
        return new GeneratorInference(this);
    }
}
