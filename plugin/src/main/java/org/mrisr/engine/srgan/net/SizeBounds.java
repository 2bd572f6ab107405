package org.mrisr.engine.srgan.net;

import java.util.Locale;

import org.mrisr.engine.InvalidInputException;

/**
 * Range checks of architecture sizes. Configurations check every size in their constructors, so a
 * model or checkpoint file's header is refused (naming the field) before any array is allocated,
 * and training cannot build a network that no reader would load. The bounds and why are in
 * docs/model-format.md ("Bounds").
 */
final class SizeBounds {
    private SizeBounds() {
    }

    /** Refuses {@code value} outside [min, max]; {@code field} is the header's field path. */
    static void require(String field, long value, long min, long max, String typical) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, value + " is out of range " + min + ".." + max + " (" + typical
                    + "; see docs/model-format.md, Bounds)");
        }
    }

    /** Refuses a derived total over {@code max}; {@code what} names the fields it comes from. */
    static void requireTotal(String field, String what, long value, long max, String typical) {
        if (value > max) {
            throw new InvalidInputException(field, what + " make " + count(value) + ", more than the " + count(max)
                    + " this mrisr loads (" + typical + "; see docs/model-format.md, Bounds)");
        }
    }

    /** "33,554,432 values (128 MiB as float32)". */
    static String count(long values) {
        return String.format(Locale.ROOT, "%,d values (%s as float32)", values, mib(4 * values));
    }

    private static String mib(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
