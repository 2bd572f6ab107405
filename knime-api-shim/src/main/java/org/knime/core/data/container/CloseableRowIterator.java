/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.container;

import org.knime.core.data.RowIterator;

/** A row iterator that holds resources until closed. */
public abstract class CloseableRowIterator extends RowIterator implements java.io.Closeable {
    @Override
    public abstract void close();
}
