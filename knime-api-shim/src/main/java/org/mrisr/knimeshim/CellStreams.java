/*
 * Shim-only helper (not part of the KNIME API): byte streams for DataCellSerializer round trips.
 */
package org.mrisr.knimeshim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellDataInput;
import org.knime.core.data.DataCellDataOutput;
import org.knime.core.data.DataCellSerializer;

/**
 * Serializes a cell to bytes and back through its serializer, the way a KNIME table stream does for
 * one cell. Nested cells (readDataCell/writeDataCell) are not supported by the shim.
 */
public final class CellStreams {
    private CellStreams() {
    }

    private static final class Out extends DataOutputStream implements DataCellDataOutput {
        Out(final ByteArrayOutputStream bytes) {
            super(bytes);
        }

        @Override
        public void writeDataCell(final DataCell cell) throws IOException {
            throw new UnsupportedOperationException("nested cells are not supported by the KNIME shim");
        }
    }

    private static final class In extends DataInputStream implements DataCellDataInput {
        In(final byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public DataCell readDataCell() throws IOException {
            throw new UnsupportedOperationException("nested cells are not supported by the KNIME shim");
        }
    }

    public static <T extends DataCell> byte[] serialize(final T cell, final DataCellSerializer<T> serializer)
        throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Out out = new Out(bytes)) {
            serializer.serialize(cell, out);
        }
        return bytes.toByteArray();
    }

    /** Reads a cell back; fails if the serializer leaves bytes unread (a format mismatch). */
    public static <T extends DataCell> T deserialize(final byte[] bytes, final DataCellSerializer<T> serializer)
        throws IOException {
        try (In in = new In(bytes)) {
            T cell = serializer.deserialize(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left unread by " + serializer.getClass().getName());
            }
            return cell;
        }
    }
}
