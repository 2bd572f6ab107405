/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/** What a port carries before execution (e.g. a DataTableSpec). */
public interface PortObjectSpec {

    /** Saves and loads specs of class T. */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {
        public abstract void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException;
    }

    JComponent[] getViews();
}
