/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.util;

/** A "Path" column lacks its FSLocationValueMetaData. */
public class FSMissingMetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FSMissingMetadataException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public FSMissingMetadataException(final String message) {
        super(message);
    }
}
