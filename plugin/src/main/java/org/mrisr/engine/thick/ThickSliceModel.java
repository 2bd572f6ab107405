package org.mrisr.engine.thick;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.patch.SlidingWindowInferer;
import org.mrisr.engine.volume.Volume;

/**
 * A network trained on one scan to refine its thick axis, and the door to applying it. Intensities
 * are normalised per scan (its 0th and 99.5th percentiles to −1 and 1), fitted afresh on whatever
 * scan is refined, so the model also applies to a scan of the same kind and factor. Predictions are
 * thread-safe (inference keeps no state in the network).
 */
public final class ThickSliceModel {
    static final double LOW_PERCENTILE = 0;
    static final double HIGH_PERCENTILE = 99.5;

    private final SliceNet net;
    private final int factor;
    private final SliceProfile profile;
    private final Training training;

    /** What training did: steps, seconds, last batch loss, and whether it was stopped early. */
    public record Training(long steps, double seconds, double loss, boolean stopped) {
    }

    ThickSliceModel(SliceNet net, int factor, SliceProfile profile, Training training) {
        this.net = net;
        this.factor = factor;
        this.profile = profile;
        this.training = training;
    }

    /**
     * Trains a new network on {@code scan}'s own in-plane slices.
     *
     * @param progress receives a report after every step (may be null)
     * @param stop     checked before every step (may be null): true ends training with what was learnt
     */
    public static ThickSliceModel train(Volume scan, ThickGeometry g, SliceProfile.Shape shape, TrainingSettings s,
            Consumer<TrainingReport> progress, BooleanSupplier stop) {
        SliceProfile profile = SliceProfile.of(shape, g);
        SliceNet net = new SliceNet(s.channels(), s.depth(), s.seed());
        SliceTrainer.Outcome o = SliceTrainer.train(net, normalise(scan, normalisation(scan)), g, profile, s, progress, stop);
        return new ThickSliceModel(net, g.factor(), profile, new Training(o.steps(), o.seconds(), o.loss(), o.stopped()));
    }

    /**
     * The refined scan: {@link ThickGeometry#outputShape} and {@link ThickGeometry#outputAffine}.
     *
     * @param progress receives the fraction of the work done, after every chunk of images (may be null)
     * @param cancel   checked before every chunk of images (may be null); true throws
     *                 {@link java.util.concurrent.CancellationException}
     */
    public Volume predict(Volume scan, ThickGeometry g, Inference inference, DoubleConsumer progress, BooleanSupplier cancel) {
        if (g.factor() != factor) {
            throw new InvalidInputException("factor", "the model refines by " + factor + ", the scan needs " + g.factor());
        }
        NormalizationParams p = normalisation(scan);
        int window = inference.windowFor(scan.shape()[g.axis()]);
        SlidingWindowInferer inferer = new SlidingWindowInferer(g.scale(), window, inference.overlap(), Blending.GAUSSIAN);
        // windows per axis as the inferer places them (step window - overlap, the last flush with the end)
        int step = window - inference.overlap();
        int total = 1;
        for (int n : scan.shape()) {
            total *= n <= window ? 1 : (n - window + step - 1) / step + 1;
        }
        int windows = total;
        int[] done = {0};
        DoubleConsumer within = progress == null ? null : f -> progress.accept(Math.min(1, (done[0] + f) / windows));
        DoubleConsumer windowDone = progress == null ? null : f -> done[0] = (int) Math.round(f * windows);
        Volume out = inferer.run(normalise(scan, p), g.outputAffine(scan.affine()),
                new ThroughPlaneNet(net, g.axis(), factor, inference.fuse(), within, cancel), windowDone, cancel);
        return Normalizer.invert(out, p);
    }

    static NormalizationParams normalisation(Volume scan) {
        return Normalizer.percentile(LOW_PERCENTILE, HIGH_PERCENTILE).fit(scan);
    }

    private static Volume normalise(Volume scan, NormalizationParams p) {
        return Normalizer.apply(scan, p);
    }

    public int factor() {
        return factor;
    }

    public SliceProfile profile() {
        return profile;
    }

    public Training training() {
        return training;
    }

    public int channels() {
        return net.channels();
    }

    public int depth() {
        return net.depth();
    }

    SliceNet net() {
        return net;
    }
}
