/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.filestore;

import java.io.IOException;

import org.knime.core.data.DataCell;

/**
 * A cell whose (large) content lives in a {@link FileStore}. The framework calls
 * {@link #flushToFileStore()} before the cell is written and {@link #postConstruct()} after it was
 * read back and its file store re-attached.
 */
public abstract class FileStoreCell extends DataCell {
    private static final long serialVersionUID = 1L;

    private transient FileStore m_fileStore;

    protected FileStoreCell(final FileStore fileStore) {
        if (fileStore == null) {
            throw new NullPointerException("File store must not be null");
        }
        m_fileStore = fileStore;
    }

    protected FileStoreCell() {
    }

    protected FileStore getFileStore() {
        if (m_fileStore == null) {
            throw new IllegalStateException("Can't read file store object, probably the cell has not been fully initialized");
        }
        return m_fileStore;
    }

    protected void postConstruct() throws IOException {
        // nothing by default
    }

    protected void flushToFileStore() throws IOException {
        // nothing by default
    }

    /** Shim internals: what the framework does around (de)serialization. */
    final FileStore fileStoreOrNull() {
        return m_fileStore;
    }

    final void reattach(final FileStore fileStore) throws IOException {
        m_fileStore = fileStore;
        postConstruct();
    }

    final void flush() throws IOException {
        flushToFileStore();
    }

    @Override
    public String toString() {
        return String.valueOf(m_fileStore);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        FileStore other = ((FileStoreCell)dc).m_fileStore;
        return m_fileStore != null && other != null && m_fileStore.getFile().equals(other.getFile());
    }

    @Override
    public int hashCode() {
        return m_fileStore == null ? 0 : m_fileStore.getFile().hashCode();
    }
}
