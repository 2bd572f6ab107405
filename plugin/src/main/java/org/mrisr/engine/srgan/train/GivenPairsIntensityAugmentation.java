package org.mrisr.engine.srgan.train;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Rng;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Intensity augmentation of pairs whose LR was made elsewhere, e.g. the SRGAN Learner's patch
 * table: only what stays exact without degrading again. The intensity scale goes to both sides
 * (the degradation, blur then resampling, is linear, so degrade(s·HR) = s·degrade(HR)) and noise
 * to the LR only, as {@link IntensityAugmentation} says. Gamma and the bias field need the HR
 * degraded again (a curve does not commute with the blur) and are refused here; {@code ./mrisr
 * train} degrades itself and has them.
 *
 * <p>Pairs arrive normalised, y = (x − offset)/scale, so a scale s of the intensities is
 * y → s·y + (s − 1)·offset/scale, and noise of σ = n·max(LR) is n·max/scale in normalised units;
 * the caller gives both ratios of its normalisation (half-max fitted on the LR maximum m:
 * offset/scale = 1, m/scale = 2). Draws come from (seed, index) as in {@link DegradedPatchSource}.
 */
public final class GivenPairsIntensityAugmentation implements TrainingData {
    private static final long STREAM = 0x61CE9A1BL;

    private final TrainingData pairs;
    private final IntensityAugmentation aug;
    private final long seed;
    private final double offsetOverScale;
    private final double maxOverScale;

    public GivenPairsIntensityAugmentation(TrainingData pairs, IntensityAugmentation aug, long seed,
            double offsetOverScale, double maxOverScale) {
        if (aug.gamma() > 0 || aug.bias() > 0) {
            throw new InvalidInputException("intensity augmentation", "gamma and the bias field need the HR degraded "
                    + "again, which given pairs cannot be; use scale and noise only, or ./mrisr train");
        }
        this.pairs = pairs;
        this.aug = aug;
        this.seed = seed;
        this.offsetOverScale = offsetOverScale;
        this.maxOverScale = maxOverScale;
    }

    @Override
    public PatchPair pair(long index) {
        PatchPair p = pairs.pair(index);
        IntensityAugmentation.Draw d = aug.draw(Rng.derive(seed ^ STREAM, index));
        float[] lr = scaled(p.lr(), d.scale());
        float[] hr = scaled(p.hr(), d.scale());
        double sigma = d.noise() * maxOverScale;
        return new PatchPair(sigma > 0 ? d.noisy(lr, sigma) : lr, hr, p.lrX(), p.lrY(), p.lrZ(), p.factor());
    }

    private float[] scaled(float[] y, double s) {
        float[] out = new float[y.length];
        double shift = (s - 1) * offsetOverScale;
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) (s * y[i] + shift);
        }
        return out;
    }

    @Override
    public TrainingInput input() {
        TrainingInput in = pairs.input();
        JsonObject provenance = in.provenance() == null ? new JsonObject() : new JsonParser().parse(in.provenance().toString()).getAsJsonObject();
        JsonObject a = aug.toJson();
        a.addProperty("applied", "scale to LR and HR (the degradation is linear); Gaussian noise to LR; no gamma or "
                + "bias field (the pairs are not degraded again)");
        provenance.add("intensity_augment", a);
        return new TrainingInput(in.degradation(), provenance, in.lrVoxelSize(), in.lrMeanNormalised(),
                in.normalisation(), in.residualOver(), in.contrast());
    }
}
