package org.mrisr.engine.srgan.train;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/**
 * Random intensity changes of training examples, so one model serves scans from other scanners and
 * people (issue 15): a gamma curve, a smooth multiplicative bias field, a global intensity scale,
 * and additive Gaussian noise. Off unless enabled ({@link #off()}, {@link #defaults()}).
 *
 * <p>Where each belongs. Gamma, bias field and scale change the <em>anatomy's contrast</em>, so
 * they are applied to the HR block around the patch <em>before</em> degradation and the LR side is
 * the degradation of the changed HR ({@link DegradedPatchSource}): LR and HR stay a pair the
 * degradation could have produced, which is what prediction sees. Applying them to both sides
 * afterwards would be wrong for gamma (a curve does not commute with the blur, so edges would not
 * match) and only approximately right for the bias field. Noise is added to the <em>LR only</em>,
 * after degradation: a real low-resolution scan carries noise at its own voxel scale, while noise on
 * the HR before the blur would mostly be averaged away (σ = 1 voxel reduces it about fivefold in
 * 3D) and would leave in the target noise that the network cannot predict from its input, which
 * MSE averages out and the adversarial term rewards hallucinating. The target stays clean, so the
 * network learns not to amplify input noise.
 *
 * <p>The pair is normalised with the normalisation fitted on the volume <em>without</em>
 * augmentation: a scale-invariant normaliser fitted afterwards would undo the scale, and the point
 * of the scale is to show the network tissue at other places in its normalised range, as happens
 * when a scan's normaliser lands differently (bright outliers, another scanner).
 *
 * @param scale range of the intensity scale: a factor uniform in [1 − scale, 1 + scale], in [0, 0.5]
 * @param gamma range of the gamma exponent: γ = exp(u), u uniform in ±ln(1 + gamma), in [0, 1];
 *              x → M·(x/M)^γ with M the HR volume's maximum, so 0 and M are kept
 * @param bias  largest bias-field amplitude, in [0, 0.5]: the field is 1 + a·F with a uniform in
 *              [0, bias] and F a weighted mean of one cosine per axis of at most half a period over
 *              the volume (|F| ≤ 1), evaluated at each voxel's position in the whole volume
 * @param noise largest noise σ as a fraction of the LR volume's maximum, in [0, 0.1]: σ uniform in
 *              [0, noise]·max(LR), added to the LR after degradation
 */
public record IntensityAugmentation(double scale, double gamma, double bias, double noise) {
    /** Largest ranges: beyond them the examples stop looking like MRI of the training contrast. */
    public static final double MAX_SCALE = 0.5;
    public static final double MAX_GAMMA = 1;
    public static final double MAX_BIAS = 0.5;
    public static final double MAX_NOISE = 0.1;

    public IntensityAugmentation {
        check("scale", scale, MAX_SCALE);
        check("gamma", gamma, MAX_GAMMA);
        check("bias", bias, MAX_BIAS);
        check("noise", noise, MAX_NOISE);
    }

    /** No intensity changes: training pairs are exactly those without augmentation. */
    public static IntensityAugmentation off() {
        return new IntensityAugmentation(0, 0, 0, 0);
    }

    /** ±10 % scale, γ in [0.77, 1.3], bias field up to ±20 %, noise σ up to 2 % of the maximum. */
    public static IntensityAugmentation defaults() {
        return new IntensityAugmentation(0.1, 0.3, 0.2, 0.02);
    }

    public boolean enabled() {
        return scale > 0 || gamma > 0 || bias > 0 || noise > 0;
    }

    /** model.json's record of the ranges (training key {@code intensity_augment}). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("scale", scale);
        o.addProperty("gamma", gamma);
        o.addProperty("bias", bias);
        o.addProperty("noise", noise);
        o.addProperty("applied", "gamma, bias field, scale to HR before degradation; Gaussian noise to LR after");
        return o;
    }

    /** One example's random values, drawn from {@code rng} in a fixed order. */
    public Draw draw(Rng rng) {
        double s = 1 + scale * (2 * rng.nextDouble() - 1);
        double g = Math.exp(Math.log1p(gamma) * (2 * rng.nextDouble() - 1));
        double a = bias * rng.nextDouble();
        double[] freq = new double[3];
        double[] phase = new double[3];
        double[] weight = new double[3];
        double total = 0;
        for (int i = 0; i < 3; i++) {
            freq[i] = rng.nextDouble();
            phase[i] = 2 * rng.nextDouble();
            weight[i] = rng.nextDouble();
            total += weight[i];
        }
        for (int i = 0; i < 3; i++) {
            weight[i] = total > 0 ? weight[i] / total : 1.0 / 3;
        }
        return new Draw(s, g, a, freq, phase, weight, noise * rng.nextDouble(), rng.nextLong());
    }

    /**
     * One example's values.
     *
     * @param scale      intensity factor
     * @param gamma      exponent of the gamma curve
     * @param amplitude  bias-field amplitude a
     * @param frequency  per axis, half-periods of the cosine over the volume (in [0, 1))
     * @param phase      per axis, phase in half-periods
     * @param weight     per axis, weight of its cosine (sum 1)
     * @param noise      noise σ as a fraction of the LR maximum
     * @param noiseSeed  seeds the noise
     */
    public record Draw(double scale, double gamma, double amplitude, double[] frequency, double[] phase,
            double[] weight, double noise, long noiseSeed) {

        /** The bias field at voxel (x, y, z) of a volume of the given shape: 1 + a·F, within 1 ± a. */
        public double field(int x, int y, int z, int[] shape) {
            int[] p = {x, y, z};
            double f = 0;
            for (int i = 0; i < 3; i++) {
                double u = shape[i] > 1 ? p[i] / (double) (shape[i] - 1) : 0;
                f += weight[i] * Math.cos(Math.PI * (frequency[i] * u + phase[i]));
            }
            return 1 + amplitude * f;
        }

        /**
         * Gamma, bias field and scale on a block of an HR volume: {@code origin} is the block's first
         * voxel in the volume, {@code shape} the volume's shape, {@code max} its maximum intensity.
         */
        public Volume applyToHr(Volume block, int[] origin, int[] shape, double max) {
            float[] in = block.data();
            float[] out = new float[in.length];
            for (int z = 0; z < block.nz(); z++) {
                for (int y = 0; y < block.ny(); y++) {
                    for (int x = 0; x < block.nx(); x++) {
                        int i = block.index(x, y, z);
                        double v = in[i];
                        if (max > 0 && v != 0) {
                            // odd extension below 0 keeps the curve monotonic for the odd negative voxel
                            v = Math.signum(v) * max * Math.pow(Math.abs(v) / max, gamma);
                        }
                        out[i] = (float) (v * scale * field(origin[0] + x, origin[1] + y, origin[2] + z, shape));
                    }
                }
            }
            return block.withData(out);
        }

        /** Gaussian noise of σ = noise·lrMax on an LR patch. */
        public Volume applyToLr(Volume lr, double lrMax) {
            double sigma = noise * lrMax;
            if (!(sigma > 0)) {
                return lr;
            }
            return lr.withData(noisy(lr.data(), sigma));
        }

        /** {@code values} plus Gaussian noise of std {@code sigma} from this draw's noise seed. */
        float[] noisy(float[] values, double sigma) {
            Rng rng = new Rng(noiseSeed);
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) (values[i] + sigma * rng.nextGaussian());
            }
            return out;
        }
    }

    private static void check(String what, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new InvalidInputException("intensity augmentation", what + " must be in [0, " + max + "], got " + v);
        }
    }
}
