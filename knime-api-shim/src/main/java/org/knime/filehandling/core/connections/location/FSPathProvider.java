/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.location;

import java.io.IOException;

import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSPath;

/** The path of one location on its file system; close it when done with the path. */
public interface FSPathProvider extends AutoCloseable {
    /** The path of the location the provider was created for. */
    FSPath getPath();

    /** The connection of the path's file system. */
    FSConnection getFSConnection();

    @Override
    void close() throws IOException;
}
