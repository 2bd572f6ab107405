package org.mrisr.cli;

import org.mrisr.engine.srgan.train.IntensityAugmentation;

/** {@code train}'s intensity augmentation flags: {@code --intensity-augment} and one range per kind. */
final class IntensityFlags {
    static final String HELP = String.join("\n",
            "  --intensity-augment per example: gamma, a smooth bias field and a scale on the HR before degradation",
            "                      (LR = degrade(changed HR), a consistent pair), Gaussian noise on the LR only; ranges",
            "                      scale 0.1, gamma 0.3, bias 0.2, noise 0.02; recorded in model.json. With --residual",
            "                      cubic the target's cubic spline is that of the changed, noisy LR. Default off: the",
            "                      pairs are exactly those without it",
            "  --aug-scale S       intensity factor uniform in 1 +- S (at most " + IntensityAugmentation.MAX_SCALE + ")",
            "  --aug-gamma G       gamma exp(u), u uniform in +-ln(1 + G), 0 and the volume's max kept (at most "
                    + IntensityAugmentation.MAX_GAMMA + ")",
            "  --aug-bias B        bias field 1 + a*F, a up to B, F one cosine per axis of at most half a period over",
            "                      the volume (at most " + IntensityAugmentation.MAX_BIAS + ")",
            "  --aug-noise N       noise sigma up to N x the LR volume's max (at most " + IntensityAugmentation.MAX_NOISE
                    + ")",
            "                      each --aug-* sets its range (with --intensity-augment the others keep their defaults,",
            "                      without it they are 0)");

    private IntensityFlags() {
    }

    static IntensityAugmentation parse(Args args) throws UsageException {
        IntensityAugmentation base = args.flag("intensity-augment") ? IntensityAugmentation.defaults()
                : IntensityAugmentation.off();
        double scale = range(args, "aug-scale", base.scale(), IntensityAugmentation.MAX_SCALE);
        double gamma = range(args, "aug-gamma", base.gamma(), IntensityAugmentation.MAX_GAMMA);
        double bias = range(args, "aug-bias", base.bias(), IntensityAugmentation.MAX_BIAS);
        double noise = range(args, "aug-noise", base.noise(), IntensityAugmentation.MAX_NOISE);
        return new IntensityAugmentation(scale, gamma, bias, noise);
    }

    private static double range(Args args, String flag, double dflt, double max) throws UsageException {
        double v = args.number(flag, dflt);
        if (!(v >= 0 && v <= max)) {
            throw new UsageException("--" + flag + " must be in [0, " + max + "], got " + v);
        }
        return v;
    }
}
