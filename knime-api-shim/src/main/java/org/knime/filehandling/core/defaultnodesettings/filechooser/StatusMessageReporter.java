/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser;

import java.io.IOException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;

/** Computes the status a file chooser dialog shows (e.g. that the selected file does not exist). */
@FunctionalInterface
public interface StatusMessageReporter {
    StatusMessage report() throws IOException, InvalidSettingsException;
}
