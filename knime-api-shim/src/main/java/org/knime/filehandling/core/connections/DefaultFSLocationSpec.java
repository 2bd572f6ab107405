/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.util.Objects;
import java.util.Optional;

/** A plain {@link FSLocationSpec}: category and optional specifier. */
public class DefaultFSLocationSpec implements FSLocationSpec {
    private final String m_fsCategory;
    private final Optional<String> m_fileSystemSpecifier;

    public DefaultFSLocationSpec(final String fsCategory, final String fileSystemSpecifier) {
        m_fsCategory = fsCategory;
        m_fileSystemSpecifier = Optional.ofNullable(fileSystemSpecifier);
    }

    public DefaultFSLocationSpec(final String fsCategory) {
        this(fsCategory, null);
    }

    public DefaultFSLocationSpec(final FSCategory fsCategory, final String fileSystemSpecifier) {
        this(fsCategory.toString(), fileSystemSpecifier);
    }

    public DefaultFSLocationSpec(final FSCategory fsCategory) {
        this(fsCategory, null);
    }

    @Override
    public String getFileSystemCategory() {
        return m_fsCategory;
    }

    @Override
    public Optional<String> getFileSystemSpecifier() {
        return m_fileSystemSpecifier;
    }

    /** Equal to a spec of the same class with the same category and specifier. */
    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        return obj != null && getClass() == obj.getClass() && FSLocationSpec.areEqual(this, (DefaultFSLocationSpec)obj);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_fsCategory, m_fileSystemSpecifier);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(").append(m_fsCategory);
        m_fileSystemSpecifier.ifPresent(s -> sb.append(", ").append(s));
        return sb.append(")").toString();
    }
}
