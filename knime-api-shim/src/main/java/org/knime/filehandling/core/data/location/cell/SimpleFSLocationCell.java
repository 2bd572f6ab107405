/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.data.location.cell;

import java.io.IOException;
import java.util.Optional;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellDataInput;
import org.knime.core.data.DataCellDataOutput;
import org.knime.core.data.DataCellSerializer;
import org.knime.core.data.DataType;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.data.location.FSLocationValue;

/**
 * A "Path" cell (what List Files/Folders outputs in KNIME 5.x). Create cells with a
 * {@link SimpleFSLocationCellFactory}; the cell's string is its path.
 */
public final class SimpleFSLocationCell extends DataCell implements FSLocationValue {
    private static final long serialVersionUID = 1L;

    static final DataType TYPE = DataType.getType(SimpleFSLocationCell.class);

    private final FSLocation m_fsLocation;

    SimpleFSLocationCell(final FSLocation fsLocation) {
        m_fsLocation = fsLocation;
    }

    @Override
    public FSLocation getFSLocation() {
        return m_fsLocation;
    }

    @Override
    public String toString() {
        return m_fsLocation.getPath();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_fsLocation.equals(((SimpleFSLocationCell)dc).m_fsLocation);
    }

    @Override
    public int hashCode() {
        return m_fsLocation.hashCode();
    }

    /** Writes category, optional specifier and path (registered at org.knime.core.DataType in KNIME). */
    public static final class SimpleFSLocationCellSerializer implements DataCellSerializer<SimpleFSLocationCell> {
        @Override
        public void serialize(final SimpleFSLocationCell cell, final DataCellDataOutput output) throws IOException {
            FSLocation loc = cell.getFSLocation();
            output.writeUTF(loc.getFileSystemCategory());
            Optional<String> specifier = loc.getFileSystemSpecifier();
            output.writeBoolean(specifier.isPresent());
            if (specifier.isPresent()) {
                output.writeUTF(specifier.get());
            }
            output.writeUTF(loc.getPath());
        }

        @Override
        public SimpleFSLocationCell deserialize(final DataCellDataInput input) throws IOException {
            String category = input.readUTF();
            String specifier = input.readBoolean() ? input.readUTF() : null;
            String path = input.readUTF();
            return new SimpleFSLocationCell(new FSLocation(category, specifier, path));
        }
    }
}
