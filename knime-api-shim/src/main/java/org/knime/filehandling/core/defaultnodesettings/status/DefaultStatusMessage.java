/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.status;

import org.mrisr.knimeshim.ShimChecks;

/** A status message of a type. */
public final class DefaultStatusMessage implements StatusMessage {
    private final MessageType m_type;
    private final String m_msg;

    public DefaultStatusMessage(final MessageType type, final String msg) {
        m_type = ShimChecks.checkArgumentNotNull(type, "The type must not be null.");
        m_msg = ShimChecks.checkArgumentNotNull(msg, "The msg must not be null.");
    }

    /** The message is String.format(format, args). */
    public DefaultStatusMessage(final MessageType type, final String format, final Object... args) {
        this(type, String.format(format, args));
    }

    @Override
    public MessageType getType() {
        return m_type;
    }

    @Override
    public String getMessage() {
        return m_msg;
    }

    @Override
    public String toString() {
        return String.format("[Type: %s, Message: %s]", m_type, m_msg);
    }

    public static StatusMessage mkError(final String format, final Object... args) {
        return new DefaultStatusMessage(MessageType.ERROR, format, args);
    }

    public static StatusMessage mkWarning(final String format, final Object... args) {
        return new DefaultStatusMessage(MessageType.WARNING, format, args);
    }

    public static StatusMessage mkInfo(final String format, final Object... args) {
        return new DefaultStatusMessage(MessageType.INFO, format, args);
    }
}
