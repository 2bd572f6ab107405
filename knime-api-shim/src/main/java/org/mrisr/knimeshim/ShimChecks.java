/*
 * SHIM-ONLY (not part of the KNIME API): the argument/setting checks KNIME's classes make with
 * org.knime.core.node.util.CheckUtils (same exception types, messages formatted with String.format).
 */
package org.mrisr.knimeshim;

import org.knime.core.node.InvalidSettingsException;

/** Argument, state and setting checks with formatted messages. */
public final class ShimChecks {
    private ShimChecks() {
    }

    /** IllegalArgumentException unless the condition holds. */
    public static void checkArgument(final boolean ok, final String format, final Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(format(format, args));
        }
    }

    /** IllegalArgumentException if the value is null; else the value. */
    public static <T> T checkArgumentNotNull(final T value, final String format, final Object... args) {
        if (value == null) {
            throw new IllegalArgumentException(format(format, args));
        }
        return value;
    }

    /** IllegalStateException unless the condition holds. */
    public static void checkState(final boolean ok, final String format, final Object... args) {
        if (!ok) {
            throw new IllegalStateException(format(format, args));
        }
    }

    /** InvalidSettingsException unless the condition holds. */
    public static void checkSetting(final boolean ok, final String format, final Object... args)
        throws InvalidSettingsException {
        if (!ok) {
            throw new InvalidSettingsException(format(format, args));
        }
    }

    private static String format(final String format, final Object... args) {
        return args.length == 0 ? format : String.format(format, args);
    }
}
