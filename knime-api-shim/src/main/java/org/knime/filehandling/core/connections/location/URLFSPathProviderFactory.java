/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.location;

import org.knime.filehandling.core.connections.FSLocation;
import org.mrisr.knimeshim.fs.ShimFileSystems;

/** Custom URLs: one connection per location (its timeout is the specifier), closed with its provider. */
final class URLFSPathProviderFactory extends FSPathProviderFactory {
    @Override
    public FSPathProvider create(final FSLocation fsLocation) {
        return new ConnectionPathProvider(ShimFileSystems.forLocation(fsLocation), fsLocation, true);
    }

    @Override
    public void close() {
        // each provider closes its own connection
    }
}
