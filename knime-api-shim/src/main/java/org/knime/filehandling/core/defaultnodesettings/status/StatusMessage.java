/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.status;

/**
 * A message with a type (info, warning, error). Messages compare by priority: errors first, then warnings,
 * then infos.
 */
public interface StatusMessage extends Comparable<StatusMessage> {
    /** An empty info message. */
    static final StatusMessage EMPTY = new StatusMessage() {
        @Override
        public MessageType getType() {
            return MessageType.INFO;
        }

        @Override
        public String getMessage() {
            return "";
        }
    };

    /** The type of a message, by rising priority. */
    enum MessageType {
        INFO(0), WARNING(1), ERROR(2);

        private final int m_priority;

        MessageType(final int priority) {
            m_priority = priority;
        }
    }

    @Override
    default int compareTo(final StatusMessage o) {
        return -Integer.compare(getType().m_priority, o.getType().m_priority);
    }

    MessageType getType();

    String getMessage();

    /** An error message. */
    static StatusMessage error(final String message) {
        return new StatusMessage() {
            @Override
            public MessageType getType() {
                return MessageType.ERROR;
            }

            @Override
            public String getMessage() {
                return message;
            }
        };
    }
}
