/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.status;

import java.util.function.Consumer;

/** Reports its current status as messages. */
@FunctionalInterface
public interface StatusReporter {
    void report(Consumer<StatusMessage> messageConsumer);
}
