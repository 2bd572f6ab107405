/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.filestore;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.knime.core.node.ExecutionContext;

/** Creates file stores, for code that makes file-store cells outside NodeModel#execute's context. */
public abstract class FileStoreFactory {
    FileStoreFactory() {
    }

    public abstract FileStore createFileStore(final String relativePath) throws IOException;

    /** Disallows further file stores from this factory. */
    public abstract void close();

    public static final FileStoreFactory createWorkflowFileStoreFactory(final ExecutionContext exec) {
        return new FileStoreFactory() {
            @Override
            public FileStore createFileStore(final String relativePath) throws IOException {
                return exec.createFileStore(relativePath);
            }

            @Override
            public void close() {
                // the framework decides when a node's file stores are done
            }
        };
    }

    public static final FileStoreFactory createNotInWorkflowFileStoreFactory() {
        return new FileStoreFactory() {
            private File m_dir;
            private boolean m_closed;

            @Override
            public synchronized FileStore createFileStore(final String relativePath) throws IOException {
                if (m_closed) {
                    throw new IllegalStateException("File store factory is closed");
                }
                if (m_dir == null) {
                    m_dir = Files.createTempDirectory("knime-shim-fs").toFile();
                    m_dir.deleteOnExit();
                }
                return newFileStore(m_dir, relativePath);
            }

            @Override
            public synchronized void close() {
                m_closed = true;
            }
        };
    }

    /** Shim internals: a new file store for relativePath below dir (refuses duplicates and escapes). */
    static FileStore newFileStore(final File dir, final String relativePath) throws IOException {
        File f = new File(dir, relativePath);
        if (!f.getCanonicalPath().startsWith(dir.getCanonicalPath() + File.separator)) {
            throw new IOException("File store name \"" + relativePath + "\" leaves the file store directory");
        }
        if (f.exists()) {
            throw new IOException("File store \"" + relativePath + "\" already exists");
        }
        Files.createDirectories(f.toPath().getParent());
        return new FileStore(f);
    }
}
