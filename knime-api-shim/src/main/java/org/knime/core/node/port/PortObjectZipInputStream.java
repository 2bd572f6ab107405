/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** The zip stream port objects are saved to/loaded from; made by {@link PortUtil}. */
public class PortObjectZipInputStream extends ZipInputStream {
    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
