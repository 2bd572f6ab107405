/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

import org.knime.filehandling.core.connections.meta.FSType;
import org.mrisr.knimeshim.ShimChecks;

/**
 * A location on a file system: category, optional specifier and the path string (for CUSTOM_URL the URL).
 * Equality treats locations that denote the same file system alike (e.g. LOCAL and a connected local file
 * system), as KNIME does.
 */
public final class FSLocation implements FSLocationSpec, Serializable {
    private static final long serialVersionUID = 1L;

    /** The null object. */
    public static final FSLocation NULL = new FSLocation();

    private final String m_fileSystemCategory;
    private final String m_fileSystemSpecifier;
    private final String m_path;

    private FSLocation() {
        m_fileSystemCategory = null;
        m_fileSystemSpecifier = null;
        m_path = null;
    }

    public FSLocation(final FSCategory fsCategory, final String path) {
        this(fsCategory.toString(), null, path);
    }

    public FSLocation(final String fsCategory, final String path) {
        this(fsCategory, null, path);
    }

    public FSLocation(final FSCategory fsCategory, final String fsSpecifier, final String path) {
        this(fsCategory.toString(), fsSpecifier, path);
    }

    /** @throws IllegalArgumentException if the category or the path is null */
    public FSLocation(final String fsCategory, final String fsSpecifier, final String path) {
        m_fileSystemCategory = ShimChecks.checkArgumentNotNull(fsCategory, "The file system category must not be null.");
        m_fileSystemSpecifier = fsSpecifier;
        m_path = ShimChecks.checkArgumentNotNull(path, "The path must not be null.");
    }

    public String getPath() {
        return m_path;
    }

    @Override
    public Optional<String> getFileSystemSpecifier() {
        return Optional.ofNullable(m_fileSystemSpecifier);
    }

    @Override
    public String getFileSystemCategory() {
        return m_fileSystemCategory;
    }

    @Override
    public String toString() {
        if (this == NULL) {
            return "NULL";
        }
        StringBuilder sb = new StringBuilder("(").append(m_fileSystemCategory).append(", ");
        if (m_fileSystemSpecifier != null) {
            sb.append(m_fileSystemSpecifier).append(", ");
        }
        return sb.append(m_path).append(")").toString();
    }

    @Override
    public int hashCode() {
        FSLocation c = canonical();
        return Objects.hash(c.m_fileSystemCategory, c.m_fileSystemSpecifier, c.m_path);
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        FSLocation a = canonical();
        FSLocation b = ((FSLocation)obj).canonical();
        return Objects.equals(a.m_fileSystemCategory, b.m_fileSystemCategory)
            && Objects.equals(a.m_fileSystemSpecifier, b.m_fileSystemSpecifier) && Objects.equals(a.m_path, b.m_path);
    }

    /** The form equality compares: convenience file systems as the connected file system of their type. */
    private FSLocation canonical() {
        if (this == NULL) {
            return this;
        }
        switch (getFSCategory()) {
            case LOCAL:
            case RELATIVE:
                return new FSLocation(FSCategory.CONNECTED, getFSType().getTypeId(), m_path);
            case MOUNTPOINT:
                // KNIME formats the Optional itself here (e.g. "knime-mountpoint:Optional[LOCAL]")
                return new FSLocation(FSCategory.CONNECTED,
                    String.format("%s:%s", FSType.MOUNTPOINT.getTypeId(), getFileSystemSpecifier()), m_path);
            case CUSTOM_URL:
                return new FSLocation(FSCategory.CUSTOM_URL, "0", m_path);
            default:
                return this;
        }
    }
}
