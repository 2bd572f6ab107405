/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

/**
 * Shim-internal: a monitor covering a fraction of its parent's progress range; progress made here
 * is added, scaled, to the parent. Cancel is the parent's.
 */
final class SubProgressMonitor implements NodeProgressMonitor {
    private final NodeProgressMonitor m_parent;
    private final double m_fraction;
    private final boolean m_silent;
    private double m_last;

    SubProgressMonitor(final NodeProgressMonitor parent, final double fraction, final boolean silent) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("Invalid sub progress size: " + fraction);
        }
        m_parent = parent;
        m_fraction = fraction;
        m_silent = silent;
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        m_parent.checkCanceled();
    }

    @Override
    public void setProgress(final double progress) {
        if (progress < 0 || progress > 1) {
            return;
        }
        synchronized (m_parent) {
            Double p = m_parent.getProgress();
            double base = p == null ? 0 : p;
            m_parent.setProgress(Math.min(1, base + (progress - m_last) * m_fraction));
            m_last = progress;
        }
    }

    @Override
    public Double getProgress() {
        return m_last;
    }

    @Override
    public void setProgress(final double progress, final String message) {
        setProgress(progress);
        setMessage(message);
    }

    @Override
    public void setMessage(final String message) {
        if (!m_silent) {
            m_parent.setMessage(message);
        }
    }

    @Override
    public void setProgress(final String message) {
        setMessage(message);
    }

    @Override
    public String getMessage() {
        return m_parent.getMessage();
    }

    @Override
    public void reset() {
        m_last = 0;
    }

    @Override
    public void setExecuteCanceled() {
        m_parent.setExecuteCanceled();
    }
}
