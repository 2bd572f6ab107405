package org.mrisr.engine.metrics;

import java.util.Locale;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/**
 * How PSNR and SSIM get their data range R (PSNR = 10·log10(R²/MSE); SSIM's C1 = (0.01R)²,
 * C2 = (0.03R)²).
 * <ul>
 * <li>{@link Kind#PAPER}: max − min over both volumes together, all voxels (before any mask), as
 * the SRGAN paper's evaluation did.</li>
 * <li>{@link Kind#REFERENCE}: max − min of the reference volume alone, all voxels.</li>
 * <li>{@link Kind#FIXED}: a given positive value, e.g. 255 or 1.</li>
 * </ul>
 * Which voxels the averages run over is a separate choice, {@link MaskMode}.
 *
 * @param kind  the policy
 * @param value the range for {@link Kind#FIXED}; NaN otherwise
 */
public record DataRangePolicy(Kind kind, double value) {
    public enum Kind {
        PAPER, REFERENCE, FIXED
    }

    public DataRangePolicy {
        if (kind == Kind.FIXED ? !(value > 0 && Double.isFinite(value)) : !Double.isNaN(value)) {
            throw new IllegalArgumentException("a fixed data range must be positive and finite; other policies take NaN, got " + value);
        }
    }

    public static DataRangePolicy paper() {
        return new DataRangePolicy(Kind.PAPER, Double.NaN);
    }

    public static DataRangePolicy reference() {
        return new DataRangePolicy(Kind.REFERENCE, Double.NaN);
    }

    public static DataRangePolicy fixed(double value) {
        return new DataRangePolicy(Kind.FIXED, value);
    }

    /**
     * Parses "paper", "reference" or a positive number.
     *
     * @param source names the setting in the error, e.g. "data range" (the CLI passes its flag)
     */
    public static DataRangePolicy parse(String s, String source) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("paper")) {
            return paper();
        }
        if (t.equals("reference")) {
            return reference();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source, "'" + s + "' is not a data range: use paper, reference or a positive number such as 255");
        }
        if (!(v > 0 && Double.isFinite(v))) {
            throw new InvalidInputException(source, "a fixed data range must be a positive finite number, got " + s);
        }
        return fixed(v);
    }

    /** "paper", "reference" or "fixed" (the JSON range_policy). */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The range R for this pair (voxels must be finite). Throws {@link InvalidInputException} when
     * it comes out 0, i.e. the volumes it looks at are constant, because PSNR and SSIM are then
     * undefined.
     */
    public double resolve(Volume reference, Volume test) {
        if (kind == Kind.FIXED) {
            return value;
        }
        float[] r = reference.minMax();
        double lo = r[0];
        double hi = r[1];
        if (kind == Kind.PAPER) {
            float[] t = test.minMax();
            lo = Math.min(lo, t[0]);
            hi = Math.max(hi, t[1]);
        }
        double range = hi - lo;
        if (!(range > 0)) {
            throw new InvalidInputException(kind == Kind.PAPER ? "reference and test" : "reference",
                    "constant volume (every voxel " + lo + "): the " + label()
                            + " data range is 0, so PSNR and SSIM are undefined; give a fixed data range (e.g. 255)");
        }
        return range;
    }
}
