/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.data.location;

import org.knime.core.data.DataValue;
import org.knime.filehandling.core.connections.FSLocation;

/** The value of a "Path" cell: a location (file system category, specifier and path). */
public interface FSLocationValue extends DataValue {
    FSLocation getFSLocation();
}
