/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

/** Receives a node's progress and carries its cancel request. */
public interface NodeProgressMonitor {
    void checkCanceled() throws CanceledExecutionException;

    void setProgress(final double progress);

    Double getProgress();

    void setProgress(final double progress, final String message);

    void setMessage(final String message);

    void setProgress(final String message);

    String getMessage();

    void reset();

    void setExecuteCanceled();
}
