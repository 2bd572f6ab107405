/*
 * SHIM-ONLY (not part of the KNIME API).
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;

/**
 * Paths are the files themselves: the local disk (syntax file system = default file system), or a zip file
 * system opened by the JDK's zipfs (closed, and so written, when the connection closes).
 */
final class DirectBacking implements Backing {
    private final FileSystem m_toClose;

    /** @param toClose a file system to close with the connection, or null (never the default one) */
    DirectBacking(final FileSystem toClose) {
        m_toClose = toClose;
    }

    @Override
    public Path file(final ShimPath absolute, final Access access) {
        return absolute.syntaxPath();
    }

    @Override
    public Path syntaxOf(final Path file) {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (m_toClose != null) {
            m_toClose.close();
        }
    }
}
