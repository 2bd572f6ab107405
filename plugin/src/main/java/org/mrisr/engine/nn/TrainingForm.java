package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * What a network's forward and backward run instead of the layers it is built and named from: the same
 * layer objects and parameters in forms that compute the same functions within float32 rounding, much faster
 * on the CPU:
 * <ul>
 * <li>a nearest ×2 upsampling and the 3³ convolution after it as one {@link ResizeConvTraining};</li>
 * <li>a convolution and the pixel shuffle after it as one {@link SubPixelConvTraining} (no stored pre-shuffle
 * tensor);</li>
 * <li>convolutions with one input or output channel as {@link ThinConv3d};</li>
 * <li>in {@link #channelsLast} forms, runs of convolutions, batch norms and activations on channels-last tensors
 * ({@link ChannelsLastConv3d}, {@link ChannelsLastBatchNorm}, which takes the LeakyReLU after it in the same
 * pass): a one-input convolution starts such a run, and a
 * {@link LayoutChange} ends it before any layer that needs NCDHW.</li>
 * </ul>
 * The built {@link Sequential} keeps naming the parameters ({@link Layer#collect}); the returned one must
 * not be asked for them. Forms take float tensors (a network runs its built layers for other types).
 */
public final class TrainingForm {
    private TrainingForm() {
    }

    /** The form of {@code built}, NCDHW in and out. */
    public static Sequential of(Sequential built) {
        return build(built, false, false, false).run;
    }

    /**
     * The channels-last form of {@code built}: takes its input channels last when {@code inputChannelsLast}
     * and returns its output channels last when {@link Form#outputChannelsLast()} (as the layers left it).
     */
    public static Form channelsLast(Sequential built, boolean inputChannelsLast) {
        return build(built, true, inputChannelsLast, null);
    }

    /** {@link #channelsLast(Sequential, boolean)} with its output in the given layout. */
    public static Sequential channelsLast(Sequential built, boolean inputChannelsLast, boolean outputChannelsLast) {
        return build(built, true, inputChannelsLast, outputChannelsLast).run;
    }

    /** A form and the layout of its output. */
    public record Form(Sequential run, boolean outputChannelsLast) {
    }

    private static Form build(Sequential built, boolean useChannelsLast, boolean inLast, Boolean outLast) {
        List<Layer> layers = built.layers();
        List<Layer> run = new ArrayList<>();
        boolean last = inLast;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Layer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            if (l instanceof LeakyRelu || l instanceof Tanh) {
                run.add(l); // elementwise: either layout
                continue;
            }
            boolean takesLast = l instanceof Conv3d c && !ThinConv3d.fits(c) && !(next instanceof PixelShuffle3d)
                    || l instanceof BatchNorm3d || l instanceof Residual r && r.body() instanceof Sequential;
            if (last && !takesLast) {
                run.add(LayoutChange.toChannelsFirst());
                last = false;
            }
            if (l instanceof NearestUpsample3d up && up.factor() == 2 && next instanceof Conv3d c && c.kernel() == 3
                    && c.stride() == 1) {
                run.add(new ResizeConvTraining(c));
                i++;
            } else if (l instanceof Conv3d c && next instanceof PixelShuffle3d p) {
                run.add(new SubPixelConvTraining(c, p.factor()));
                i++;
            } else if (l instanceof Conv3d c && ThinConv3d.fits(c)) {
                boolean toLast = useChannelsLast && c.inChannels() == 1 && c.outChannels() > 1;
                run.add(new ThinConv3d(c, toLast));
                last = toLast;
            } else if (l instanceof Conv3d c && last) {
                run.add(new ChannelsLastConv3d(c));
            } else if (l instanceof BatchNorm3d bn && last && next instanceof LeakyRelu a
                    && ChannelsLastBatchNorm.fuses(a.slope())) {
                run.add(ChannelsLastBatchNorm.withLeakyRelu(bn, a.slope()));
                i++;
            } else if (l instanceof BatchNorm3d bn && last) {
                run.add(new ChannelsLastBatchNorm(bn));
            } else if (l instanceof Residual r && r.body() instanceof Sequential body) {
                // the sum needs both paths in one layout: the body ends in the layout it starts in
                run.add(r.around(build(body, useChannelsLast, last, last).run));
            } else {
                run.add(l);
            }
        }
        if (outLast != null && last != outLast) {
            run.add(outLast ? LayoutChange.toChannelsLast() : LayoutChange.toChannelsFirst());
            last = outLast;
        }
        return new Form(new Sequential(run), last);
    }
}
