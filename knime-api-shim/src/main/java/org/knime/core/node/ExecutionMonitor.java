/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.util.function.Supplier;

/** Progress reporting and cancel checks for a running node. */
public class ExecutionMonitor {
    private final NodeProgressMonitor m_progress;

    public ExecutionMonitor() {
        this(null);
    }

    public ExecutionMonitor(final NodeProgressMonitor progress) {
        m_progress = progress == null ? new DefaultNodeProgressMonitor() : progress;
    }

    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        if (messageSupplier == null) {
            throw new IllegalArgumentException("Message supplier must not be null");
        }
        m_progress.setProgress(progress, messageSupplier.get());
    }

    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier.get());
    }

    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgressMonitor(m_progress, maxProg, false));
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgressMonitor(m_progress, maxProg, true));
    }

    /** For ExecutionContext's sub contexts. */
    NodeProgressMonitor subMonitor(final double maxProg) {
        return new SubProgressMonitor(m_progress, maxProg, false);
    }
}
