/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.status;

import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** Collects messages and hands out one of the highest priority (error &gt; warning &gt; info). */
public final class PriorityStatusConsumer implements Consumer<StatusMessage> {
    private final PriorityQueue<StatusMessage> m_msgs = new PriorityQueue<>();

    @Override
    public void accept(final StatusMessage t) {
        m_msgs.add(t);
    }

    /** Discards the messages collected so far. */
    public void clear() {
        m_msgs.clear();
    }

    public Optional<StatusMessage> get() {
        return Optional.ofNullable(m_msgs.peek());
    }
}
