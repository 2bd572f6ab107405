package org.mrisr.engine.volume;

import java.util.function.Consumer;

import org.mrisr.engine.InvalidInputException;

/**
 * Finds and handles non-finite voxels under a {@link NonFinitePolicy}. One NaN voxel would otherwise
 * spread: normalisation by the volume's maximum turns everything NaN, a blur smears it over its
 * kernel, SSIM becomes NaN.
 */
public final class NonFinite {
    /** How many voxels are NaN, +Inf and −Inf. */
    public record Count(long nan, long positiveInfinity, long negativeInfinity) {
        public long total() {
            return nan + positiveInfinity + negativeInfinity;
        }

        /** E.g. "3 NaN and 1 +Inf voxel(s)". */
        public String describe() {
            StringBuilder b = new StringBuilder();
            append(b, nan, "NaN");
            append(b, positiveInfinity, "+Inf");
            append(b, negativeInfinity, "-Inf");
            return b.append(" voxel(s)").toString();
        }

        private static void append(StringBuilder b, long n, String what) {
            if (n > 0) {
                b.append(b.length() == 0 ? "" : " and ").append(n).append(' ').append(what);
            }
        }
    }

    private NonFinite() {
    }

    public static Count count(float[] data) {
        long nan = 0;
        long pos = 0;
        long neg = 0;
        for (float v : data) {
            if (v != v) {
                nan++;
            } else if (v == Float.POSITIVE_INFINITY) {
                pos++;
            } else if (v == Float.NEGATIVE_INFINITY) {
                neg++;
            }
        }
        return new Count(nan, pos, neg);
    }

    /**
     * The volume itself when every voxel is finite; otherwise, under {@link NonFinitePolicy#ZERO}, a copy
     * with those voxels set to 0 and one warning to {@code warnings}, or under
     * {@link NonFinitePolicy#REFUSE} an {@link InvalidInputException} naming {@code source}.
     */
    public static Volume apply(Volume v, NonFinitePolicy policy, String source, Consumer<String> warnings) {
        Count c = count(v.data());
        if (c.total() == 0) {
            return v;
        }
        if (policy == NonFinitePolicy.REFUSE) {
            throw new InvalidInputException(source, "has " + c.describe() + "; replace them (e.g. with 0 outside the brain)"
                    + " or let mrisr treat them as background (non-finite policy 'zero')");
        }
        float[] d = v.data().clone();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                d[i] = 0;
            }
        }
        warnings.accept(source + ": " + c.describe() + " treated as background (0)");
        return v.withData(d);
    }

    /**
     * Refuses to pass on a volume an operation produced with non-finite voxels: that is a fault of the
     * operation, never of the user's data (inputs are cleaned by {@link #apply}).
     */
    public static void requireFinite(Volume v, String what) {
        Count c = count(v.data());
        if (c.total() > 0) {
            throw new IllegalStateException(what + " produced " + c.describe() + "; nothing was written");
        }
    }
}
