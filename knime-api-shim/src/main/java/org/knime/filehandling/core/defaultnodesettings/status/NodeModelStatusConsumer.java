/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.status;

import java.util.Set;
import java.util.function.Consumer;

import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;

/**
 * The status consumer of a node model: keeps the messages of the accepted types and passes the one of the
 * highest priority to the node, e.g. {@code consumer.setWarningsIfRequired(this::setWarningMessage)}.
 */
public final class NodeModelStatusConsumer implements Consumer<StatusMessage> {
    private final PriorityStatusConsumer m_priorityConsumer = new PriorityStatusConsumer();
    private final Set<MessageType> m_msgTypeFilter;

    public NodeModelStatusConsumer(final Set<MessageType> msgTypeFilter) {
        m_msgTypeFilter = msgTypeFilter;
    }

    @Override
    public void accept(final StatusMessage t) {
        if (m_msgTypeFilter.contains(t.getType())) {
            m_priorityConsumer.accept(t);
        }
    }

    /** Passes the message of the highest priority (if any) to the consumer, then forgets all messages. */
    public void setWarningsIfRequired(final Consumer<String> consumer) {
        m_priorityConsumer.get().map(StatusMessage::getMessage).ifPresent(consumer);
        m_priorityConsumer.clear();
    }
}
