/*
 * SHIM-ONLY (not part of the KNIME API; never use it in plugin main code): lets the shim's
 * ExecutionContext and tests do what KNIME's framework does with file stores.
 */
package org.knime.core.data.filestore;

import java.io.File;
import java.io.IOException;

/** Framework-side file store operations of the shim. */
public final class ShimFileStores {
    private ShimFileStores() {
    }

    /** A new file store {@code relativePath} under {@code dir}. */
    public static FileStore create(final File dir, final String relativePath) throws IOException {
        return FileStoreFactory.newFileStore(dir, relativePath);
    }

    /** What KNIME does before writing a cell: let it sync its content to the file store. */
    public static void flush(final FileStoreCell cell) throws IOException {
        cell.flush();
    }

    /** The cell's file stores; none for a cell just deserialized and not yet re-attached. */
    public static FileStore[] fileStoresOf(final FileStoreCell cell) {
        return cell.fileStores();
    }

    /**
     * The file store of an existing file, e.g. one a saved table's cell refers to (KNIME keeps a saved
     * workflow's file stores and re-attaches them to the cells read back when it is opened again).
     */
    public static FileStore existing(final File file) throws IOException {
        if (!file.exists()) {
            throw new IOException("File store file \"" + file + "\" does not exist");
        }
        return new FileStore(file);
    }

    /** What KNIME does after reading a cell: re-attach its file stores, then call postConstruct. */
    public static void reattach(final FileStoreCell cell, final FileStore... stores) throws IOException {
        cell.reattach(stores);
    }
}
