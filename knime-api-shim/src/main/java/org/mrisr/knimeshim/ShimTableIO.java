/*
 * SHIM-ONLY (not part of the KNIME API; tests only, never plugin main code).
 */
package org.mrisr.knimeshim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellDataInput;
import org.knime.core.data.DataCellDataOutput;
import org.knime.core.data.DataCellSerializer;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.ShimColumnSpecs;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStoreCell;
import org.knime.core.data.filestore.ShimFileStores;
import org.knime.core.data.meta.DataColumnMetaData;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ShimHeadless;

/**
 * Writes a {@link BufferedDataTable} to a file and reads it back, the way KNIME stores a table with a
 * saved workflow: every cell goes through its {@link DataCellSerializer} (see {@link ShimCellSerializers})
 * or, without one, Java serialization; a {@link FileStoreCell} is flushed before it is written and, when
 * read back, re-attached to its (kept) file store and post-constructed. Cells written by a serializer may
 * nest cells ({@link DataCellDataOutput#writeDataCell}). The file format is the shim's own.
 */
public final class ShimTableIO {
    private static final String MAGIC = "mrisr-knime-shim-table";

    /** 3: any number of file stores per cell, and columns carry their meta data. */
    private static final int VERSION = 3;

    private static final byte MISSING = 0;

    private static final byte SERIALIZER = 1;

    private static final byte JAVA = 2;

    private ShimTableIO() {
    }

    /** Writes the table (spec, row keys, cells) to the file, replacing it. */
    public static void write(final BufferedDataTable table, final Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            writeString(out, MAGIC);
            out.writeInt(VERSION);
            DataTableSpec spec = table.getDataTableSpec();
            writeString(out, spec.getName());
            out.writeInt(spec.getNumColumns());
            for (DataColumnSpec c : spec) {
                writeString(out, c.getName());
                writeString(out, c.getType().getCellClass().getName());
                Collection<DataColumnMetaData> meta = ShimColumnSpecs.metaData(c);
                out.writeInt(meta.size());
                for (DataColumnMetaData m : meta) {
                    writeString(out, m.getClass().getName());
                    ShimColumnMetaData.write(m, out);
                }
            }
            out.writeLong(table.size());
            try (CloseableRowIterator it = table.iterator()) {
                while (it.hasNext()) {
                    DataRow row = it.next();
                    writeString(out, row.getKey().getString());
                    for (int i = 0; i < row.getNumCells(); i++) {
                        writeCell(out, row.getCell(i));
                    }
                }
            }
        }
    }

    /** Reads a table written by {@link #write}; cell classes are loaded with the given class loader. */
    public static BufferedDataTable read(final Path file, final ClassLoader loader) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int version = MAGIC.equals(readString(in)) ? in.readInt() : -1;
            if (version != VERSION) {
                throw new IOException(file + " is not a table written by " + ShimTableIO.class.getSimpleName());
            }
            String name = readString(in);
            int nCols = in.readInt();
            DataColumnSpec[] cols = new DataColumnSpec[nCols];
            for (int i = 0; i < nCols; i++) {
                String colName = readString(in);
                DataColumnSpecCreator col =
                    new DataColumnSpecCreator(colName, DataType.getType(cellClass(readString(in), loader)));
                int nMeta = in.readInt();
                for (int m = 0; m < nMeta; m++) {
                    col.addMetaData(ShimColumnMetaData.read(metaDataClass(readString(in), loader), in), true);
                }
                cols[i] = col.createSpec();
            }
            DataTableSpec spec = new DataTableSpec(name, cols);
            long nRows = in.readLong();
            List<DataRow> rows = new ArrayList<>();
            for (long r = 0; r < nRows; r++) {
                String key = readString(in);
                DataCell[] cells = new DataCell[nCols];
                for (int i = 0; i < nCols; i++) {
                    cells[i] = readCell(in, loader);
                }
                rows.add(new DefaultRow(key, cells));
            }
            return ShimHeadless.table(spec, rows.toArray(new DataRow[0]));
        }
    }

    private static void writeCell(final DataOutputStream out, final DataCell cell) throws IOException {
        if (cell.isMissing()) {
            out.writeByte(MISSING);
            return;
        }
        if (cell instanceof FileStoreCell) {
            // KNIME calls flushToFileStore before a file store cell is serialized.
            ShimFileStores.flush((FileStoreCell)cell);
        }
        Optional<DataCellSerializer<DataCell>> serializer = serializerOf(cell);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (serializer.isPresent()) {
            out.writeByte(SERIALIZER);
            try (CellOut cellOut = new CellOut(bytes)) {
                serializer.get().serialize(cell, cellOut);
            }
        } else {
            out.writeByte(JAVA);
            try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                oos.writeObject(cell);
            }
        }
        writeString(out, cell.getClass().getName());
        out.writeInt(bytes.size());
        bytes.writeTo(out);
        FileStore[] stores = cell instanceof FileStoreCell ? ShimFileStores.fileStoresOf((FileStoreCell)cell)
            : new FileStore[0];
        out.writeInt(stores.length);
        for (FileStore store : stores) {
            writeString(out, store.getFile().getAbsolutePath());
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<DataCellSerializer<DataCell>> serializerOf(final DataCell cell) throws IOException {
        Class<DataCell> c = (Class<DataCell>)cell.getClass();
        return ShimCellSerializers.find(c);
    }

    private static DataCell readCell(final DataInputStream in, final ClassLoader loader) throws IOException {
        byte tag = in.readByte();
        if (tag == MISSING) {
            return DataType.getMissingCell();
        }
        Class<? extends DataCell> cellClass = cellClass(readString(in), loader);
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        DataCell cell;
        if (tag == SERIALIZER) {
            DataCellSerializer<? extends DataCell> serializer = ShimCellSerializers.find(cellClass)
                .orElseThrow(() -> new IOException("No serializer found any more for " + cellClass.getName()));
            try (CellIn cellIn = new CellIn(bytes, loader)) {
                cell = serializer.deserialize(cellIn);
                if (cellIn.available() != 0) {
                    throw new IOException(cellIn.available() + " bytes left unread by " + serializer.getClass().getName());
                }
            }
        } else if (tag == JAVA) {
            try (ObjectInputStream ois = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
                cell = (DataCell)ois.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException("Cannot deserialize a " + cellClass.getName() + ": " + e.getMessage(), e);
            }
        } else {
            throw new IOException("Corrupt table file: cell tag " + tag);
        }
        if (cell == null || cell.getClass() != cellClass) {
            throw new IOException("Deserialized " + (cell == null ? "null" : cell.getClass().getName()) + ", expected "
                + cellClass.getName());
        }
        FileStore[] stores = new FileStore[in.readInt()];
        for (int i = 0; i < stores.length; i++) {
            stores[i] = ShimFileStores.existing(new File(readString(in)));
        }
        if (cell instanceof FileStoreCell) {
            // KNIME re-attaches the file stores of a cell read back, then calls postConstruct.
            ShimFileStores.reattach((FileStoreCell)cell, stores);
        }
        return cell;
    }

    /** The meta data class, initialised (it registers how it is stored). */
    private static Class<?> metaDataClass(final String name, final ClassLoader loader) throws IOException {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IOException("Column meta data class " + name + " not found", e);
        }
    }

    private static Class<? extends DataCell> cellClass(final String name, final ClassLoader loader) throws IOException {
        try {
            return Class.forName(name, false, loader).asSubclass(DataCell.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("Cannot load cell class " + name + ": " + e, e);
        }
    }

    private static void writeString(final DataOutputStream out, final String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(final DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("Corrupt table file: string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** What a serializer writes to; nested cells are written as complete cell records. */
    private static final class CellOut extends DataOutputStream implements DataCellDataOutput {
        CellOut(final ByteArrayOutputStream bytes) {
            super(bytes);
        }

        @Override
        public void writeDataCell(final DataCell cell) throws IOException {
            if (cell == null) {
                throw new NullPointerException("cell must not be null");
            }
            writeCell(this, cell);
        }
    }

    /** What a serializer reads from. */
    private static final class CellIn extends DataInputStream implements DataCellDataInput {
        private final ClassLoader m_loader;

        CellIn(final byte[] bytes, final ClassLoader loader) {
            super(new ByteArrayInputStream(bytes));
            m_loader = loader;
        }

        @Override
        public DataCell readDataCell() throws IOException {
            return readCell(this, m_loader);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader m_loader;

        LoaderObjectInputStream(final InputStream in, final ClassLoader loader) throws IOException {
            super(in);
            m_loader = loader;
        }

        @Override
        protected Class<?> resolveClass(final ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, m_loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
