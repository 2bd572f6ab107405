package org.mrisr.engine.srgan.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

import org.mrisr.engine.nn.BatchNorm3d;
import org.mrisr.engine.nn.Conv3d;
import org.mrisr.engine.nn.Dense;
import org.mrisr.engine.nn.Flatten;
import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.nn.LeakyRelu;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.nn.Sequential;
import org.mrisr.engine.nn.TrainingForm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's discriminator: [N, 1, D, H, W] HR patch → [N, 1] logits (the sigmoid is applied by
 * the loss, which can also work on the logits as the reference code does).
 *
 * <p>Eight 3³ convs (strides 1,2,1,2,...), BatchNorm after all but the first, LeakyReLU; flatten;
 * dense 1024 + LeakyReLU; dense 1.
 */
public final class Discriminator extends Layer {
    private final DiscriminatorConfig config;
    private final Sequential net;
    // what forward and backward run (TrainingForm: channels last from the first convolution, one input channel,
    // to the flatten)
    private final Sequential netRun;
    // whether the last forward ran the built layers (types other than float)
    private boolean ranBuilt;

    public Discriminator(DiscriminatorConfig config, long seed) {
        this(config, seed, true);
    }

    /** {@code inPlaceActivations} false: plain LeakyReLUs, for tests of the in-place ones ({@link LeakyRelu#inPlace}). */
    public Discriminator(DiscriminatorConfig config, long seed, boolean inPlaceActivations) {
        this(config, seed, inPlaceActivations, true);
    }

    /** {@code trainingForms} false runs the built layers themselves (tests compare {@link TrainingForm} with them). */
    Discriminator(DiscriminatorConfig config, long seed, boolean inPlaceActivations, boolean trainingForms) {
        this.config = config;
        DoubleFunction<LeakyRelu> lrelu = inPlaceActivations ? LeakyRelu::inPlace : LeakyRelu::new;
        Rng rng = new Rng(seed);
        double std = config.initStd();
        List<Layer> m = new ArrayList<>();
        int c = 1;
        int[] widths = config.widths();
        for (int i = 0; i < widths.length; i++) {
            m.add(new Conv3d(c, widths[i], 3, DiscriminatorConfig.stride(i), rng, std));
            if (i > 0) {
                m.add(new BatchNorm3d(widths[i]));
            }
            m.add(lrelu.apply(config.slope()));
            c = widths[i];
        }
        m.add(new Flatten());
        int[] fs = config.featureSize();
        int flat = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(c, fs[0]), fs[1]), fs[2]);
        m.add(new Dense(flat, config.dense(), rng, std));
        m.add(lrelu.apply(config.slope()));
        m.add(new Dense(config.dense(), 1, rng, std));
        net = new Sequential(m);
        netRun = trainingForms ? TrainingForm.channelsLast(net, false, false) : net;
    }

    public DiscriminatorConfig config() {
        return config;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 5 || x.size(1) != 1 || x.size(4) != config.patchX() || x.size(3) != config.patchY()
                || x.size(2) != config.patchZ()) {
            throw new IllegalArgumentException("discriminator built for HR patches " + config.patchX() + "x"
                    + config.patchY() + "x" + config.patchZ() + " (x,y,z), got NCDHW " + Arrays.toString(x.shape()));
        }
        // the training forms take float tensors: other types (gradient checks in double) run the built layers
        ranBuilt = x.dataType() != DataType.FLOAT;
        return (ranBuilt ? net : netRun).forward(x, training);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        return (ranBuilt ? net : netRun).backward(gradOut);
    }

    @Override
    public INDArray backwardParameters(INDArray gradOut) {
        return (ranBuilt ? net : netRun).backwardParameters(gradOut);
    }

    @Override
    public INDArray backwardInput(INDArray gradOut) {
        return (ranBuilt ? net : netRun).backwardInput(gradOut);
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        net.collect(prefix, out);
    }
}
