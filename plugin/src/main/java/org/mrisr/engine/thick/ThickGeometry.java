package org.mrisr.engine.thick;

import java.util.Locale;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Which axis of a scan is thick, by what integer factor to refine it, and how thick its slices are,
 * read from the header (the voxel sizes of the affine) unless given.
 *
 * <p>Detection: the thick axis is the one with the coarsest spacing; the factor is that spacing over
 * the mean spacing of the other two axes, rounded to an integer; the slice thickness is the slice
 * spacing (no gap). Output grid: the thick axis gets {@code n·factor} samples at spacing/factor, the
 * first slice centre kept, so fine slice {@code k} lies at thick-slice index {@code k/factor} and
 * the last {@code factor − 1} fine slices lie beyond the last thick slice centre (half a slice, as
 * the thick slice itself reaches); the other axes are untouched.
 *
 * @param axis        0, 1 or 2 (x, y, z in the file's voxel order)
 * @param factor      2 … {@link #MAX_FACTOR}
 * @param spacingMm   the thick axis' slice spacing
 * @param thicknessMm the slice thickness (the slice profile's FWHM), ≥ the spacing/factor
 */
public record ThickGeometry(int axis, int factor, double spacingMm, double thicknessMm) {
    public static final int MIN_SLICES = 8;
    public static final int MAX_FACTOR = 6;
    /** A spacing ratio below this counts as isotropic when nothing is forced. */
    static final double ISOTROPIC_RATIO = 1.5;

    public ThickGeometry {
        if (axis < 0 || axis > 2) {
            throw new InvalidInputException("axis", "must be x, y or z (0, 1 or 2), got " + axis);
        }
        if (factor < 2 || factor > MAX_FACTOR) {
            throw new InvalidInputException("factor", "must be an integer from 2 to " + MAX_FACTOR + ", got " + factor
                    + (factor < 2 ? " (a factor below 2 refines nothing)" : ""));
        }
        if (!(spacingMm > 0) || !(thicknessMm > 0) || Double.isInfinite(spacingMm) || Double.isInfinite(thicknessMm)) {
            throw new InvalidInputException("slice thickness", "spacing and thickness must be positive, got " + spacingMm
                    + " and " + thicknessMm + " mm");
        }
    }

    /**
     * The geometry of {@code v}, with optional overrides (null = read from the header).
     *
     * @param source names the scan in errors (a file, a row)
     * @throws InvalidInputException for an isotropic scan with nothing forced, a factor below 2 or
     *         above {@link #MAX_FACTOR}, or fewer than {@link #MIN_SLICES} slices along the thick axis
     */
    public static ThickGeometry detect(Volume v, Integer axisOverride, Integer factorOverride, Double thicknessMm,
            String source) {
        double[] s = v.voxelSize();
        int axis = axisOverride != null ? axisOverride : coarsest(s);
        if (axis < 0 || axis > 2) {
            throw new InvalidInputException("axis", "must be x, y or z, got " + axis);
        }
        double inPlane = (s[(axis + 1) % 3] + s[(axis + 2) % 3]) / 2;
        double ratio = s[axis] / inPlane;
        if (axisOverride == null && factorOverride == null && ratio < ISOTROPIC_RATIO) {
            throw new InvalidInputException(source, String.format(Locale.ROOT,
                    "already isotropic (voxel %s mm): no axis is at least %.1f times coarser than the others, so there "
                            + "are no thick slices to refine; give the axis and factor to force it", size(s), ISOTROPIC_RATIO));
        }
        int factor = factorOverride != null ? factorOverride : (int) Math.round(ratio);
        if (factor < 2) {
            throw new InvalidInputException(source, String.format(Locale.ROOT,
                    "factor %d: the %s axis (%.3g mm) is only %.2f times the in-plane spacing (%.3g mm); a factor below 2 "
                            + "refines nothing (give a factor of 2 to %d to force it)", factor, name(axis), s[axis], ratio,
                    inPlane, MAX_FACTOR));
        }
        if (factor > MAX_FACTOR) {
            throw new InvalidInputException(source, String.format(Locale.ROOT,
                    "factor %d along %s (%.3g mm over %.3g mm in-plane) is above the supported %d: slices that thick leave "
                            + "too little to learn from", factor, name(axis), s[axis], inPlane, MAX_FACTOR));
        }
        int n = v.shape()[axis];
        if (n < MIN_SLICES) {
            throw new InvalidInputException(source, "only " + n + " slices along " + name(axis) + "; at least "
                    + MIN_SLICES + " are needed (is the thick axis right? voxel " + size(s) + " mm)");
        }
        double thickness = thicknessMm != null ? thicknessMm : s[axis];
        if (!(thickness > 0) || Double.isInfinite(thickness)) {
            throw new InvalidInputException("slice thickness", "must be a positive number of mm, got " + thickness);
        }
        return new ThickGeometry(axis, factor, s[axis], thickness);
    }

    /** The slice profile's FWHM in fine voxels (fine spacing = spacing/factor). */
    public double fwhmFineVoxels() {
        return thicknessMm * factor / spacingMm;
    }

    /** Shape of the refined volume for an input shape. */
    public int[] outputShape(int[] in) {
        int[] out = in.clone();
        out[axis] = Math.multiplyExact(in[axis], factor);
        return out;
    }

    /** Per-axis scale (1, 1, factor on the thick axis). */
    public int[] scale() {
        int[] s = {1, 1, 1};
        s[axis] = factor;
        return s;
    }

    /** The refined grid's affine: the thick axis' column divided by the factor, the first voxel centre kept. */
    public Affine outputAffine(Affine in) {
        double[] step = {1, 1, 1};
        step[axis] = 1.0 / factor;
        return in.resampled(new double[] {0, 0, 0}, step);
    }

    public static String name(int axis) {
        return String.valueOf("xyz".charAt(axis));
    }

    /** Parses x, y, z (or 0, 1, 2); {@code source} names the setting in the error. */
    public static int parseAxis(String s, String source) {
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "x", "0":
                return 0;
            case "y", "1":
                return 1;
            case "z", "2":
                return 2;
            default:
                throw new InvalidInputException(source, "axis must be x, y or z, got '" + s + "'");
        }
    }

    private static int coarsest(double[] s) {
        int a = 0;
        for (int i = 1; i < 3; i++) {
            if (s[i] > s[a]) {
                a = i;
            }
        }
        return a;
    }

    static String size(double[] s) {
        return String.format(Locale.ROOT, "%.3g x %.3g x %.3g", s[0], s[1], s[2]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "axis %s, factor %d, spacing %.3g mm, slice thickness %.3g mm", name(axis), factor,
                spacingMm, thicknessMm);
    }
}
