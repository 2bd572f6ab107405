/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

/** Progress in [0, 1] (null until first set), a message and a cancel flag. Thread-safe. */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {
    private volatile boolean m_canceled;
    private volatile Double m_progress;
    private volatile String m_message;

    public DefaultNodeProgressMonitor() {
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (m_canceled) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    @Override
    public synchronized void setProgress(final double progress) {
        // Like KNIME, values outside [0, 1] are ignored rather than clamped.
        if (progress >= 0 && progress <= 1) {
            m_progress = progress;
        }
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        setProgress(progress);
        m_message = message;
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_message = message;
    }

    @Override
    public synchronized void setProgress(final String message) {
        m_message = message;
    }

    @Override
    public synchronized String getMessage() {
        return m_message;
    }

    @Override
    public synchronized void reset() {
        m_canceled = false;
        m_progress = null;
        m_message = null;
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }
}
