/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.data.location.cell;

import java.util.Objects;

import org.knime.core.data.DataType;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.mrisr.knimeshim.ShimChecks;

/**
 * Creates "Path" cells of one file system (category and specifier), as the column's meta data declares it.
 */
public final class SimpleFSLocationCellFactory {
    /** The type of "Path" columns. */
    public static final DataType TYPE = SimpleFSLocationCell.TYPE;

    private final String m_fsCategory;
    private final String m_fsSpecifier;

    public SimpleFSLocationCellFactory(final FSLocationSpec fsLocationSpec) {
        m_fsCategory = fsLocationSpec.getFileSystemCategory();
        m_fsSpecifier = fsLocationSpec.getFileSystemSpecifier().orElse(null);
    }

    public SimpleFSLocationCellFactory(final String fileSystemCategory, final String fileSystemSpecifier) {
        m_fsCategory = fileSystemCategory;
        m_fsSpecifier = fileSystemSpecifier;
    }

    /**
     * A cell of the location.
     *
     * @throws NullPointerException if the location is null
     * @throws IllegalArgumentException if its category or specifier are not this factory's
     */
    public SimpleFSLocationCell createCell(final FSLocation fsLocation) {
        Objects.requireNonNull(fsLocation, "The file system location must not be null.");
        ShimChecks.checkArgumentNotNull(fsLocation.getPath(), "The path must not be null.");
        String category = fsLocation.getFileSystemCategory();
        ShimChecks.checkArgument(category.equals(m_fsCategory),
            "The file system type (%s) must match the file system type in the meta data (%s).", category, m_fsCategory);
        String specifier = fsLocation.getFileSystemSpecifier().orElse(null);
        ShimChecks.checkArgument(Objects.equals(specifier, m_fsSpecifier),
            "The file system specifier (%s) must match the file system specifier in the meta data (%s).", specifier,
            m_fsSpecifier);
        return new SimpleFSLocationCell(fsLocation);
    }

    /** A cell of the path on this factory's file system. */
    public SimpleFSLocationCell createCell(final String path) {
        Objects.requireNonNull(path, "The path must not be null.");
        return new SimpleFSLocationCell(new FSLocation(m_fsCategory, m_fsSpecifier, path));
    }
}
