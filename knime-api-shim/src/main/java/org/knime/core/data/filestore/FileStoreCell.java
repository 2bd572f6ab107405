/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.filestore;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.knime.core.data.DataCell;

/**
 * A cell whose (large) content lives in one or more {@link FileStore}s. The framework calls
 * {@link #flushToFileStore()} before the cell is written and {@link #postConstruct()} after it was
 * read back and its file stores re-attached (until then a deserialized cell has none).
 */
public abstract class FileStoreCell extends DataCell {
    private static final long serialVersionUID = 1L;

    /** Null for a cell just read back by Java serialization (no constructor ran): none, as in KNIME. */
    private transient FileStore[] m_fileStores;

    /** A cell with the file stores it may read from and write to (since KNIME 3.7). */
    protected FileStoreCell(final FileStore[] fileStores) {
        m_fileStores = fileStores.clone();
        for (FileStore f : m_fileStores) {
            Objects.requireNonNull(f, "File store must not be null");
        }
    }

    protected FileStoreCell(final FileStore fileStore) {
        this(new FileStore[] {fileStore});
    }

    /** For a cell read from a stream: KNIME re-attaches its file stores afterwards. */
    protected FileStoreCell() {
        m_fileStores = new FileStore[0];
    }

    private FileStore[] stores() {
        return m_fileStores == null ? new FileStore[0] : m_fileStores;
    }

    /**
     * The first file store; as in KNIME, only for a cell with exactly one (asserted).
     *
     * @deprecated since KNIME 3.7: use {@link #getFileStores()}
     */
    @Deprecated
    protected FileStore getFileStore() {
        assert stores().length == 1;
        return stores()[0];
    }

    /** All file stores of the cell, in the order given (since KNIME 3.7); none before re-attachment. */
    protected FileStore[] getFileStores() {
        return stores().clone();
    }

    protected void postConstruct() throws IOException {
        // nothing by default
    }

    protected void flushToFileStore() throws IOException {
        // nothing by default
    }

    /** Shim internals: what the framework does around (de)serialization. */
    final FileStore[] fileStores() {
        return stores().clone();
    }

    final void reattach(final FileStore[] fileStores) throws IOException {
        m_fileStores = fileStores.clone();
        postConstruct();
    }

    final void flush() throws IOException {
        flushToFileStore();
    }

    @Override
    public String toString() {
        return Arrays.stream(stores()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The same file stores, in the same order (KNIME compares their keys). */
    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        FileStore[] mine = stores();
        FileStore[] other = ((FileStoreCell)dc).stores();
        if (mine.length != other.length) {
            return false;
        }
        for (int i = 0; i < mine.length; i++) {
            if (!mine[i].getFile().equals(other[i].getFile())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.stream(stores()).map(FileStore::getFile).toArray());
    }
}
