/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.data.location;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.meta.DataColumnMetaData;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.mrisr.knimeshim.ShimColumnMetaData;

/**
 * The meta data of a "Path" column: the file systems (category and specifier) its paths are on. Readers of
 * Path columns check it (FSLocationColumnUtils); a writer that outputs Path cells declares it on the column.
 * Meta data of the same column merge into the union of their file systems.
 */
public final class FSLocationValueMetaData implements DataColumnMetaData {
    static {
        ShimColumnMetaData.register(FSLocationValueMetaData.class, FSLocationValueMetaData::union, new Codec());
    }

    private final Set<DefaultFSLocationSpec> m_specs;

    public FSLocationValueMetaData(final String fileSystemType, final String fileSystemSpecifier) {
        m_specs = new HashSet<>();
        m_specs.add(new DefaultFSLocationSpec(fileSystemType, fileSystemSpecifier));
    }

    public FSLocationValueMetaData(final Set<DefaultFSLocationSpec> fsLocationSpecs) {
        m_specs = new HashSet<>(fsLocationSpecs);
    }

    public Set<DefaultFSLocationSpec> getFSLocationSpecs() {
        return m_specs;
    }

    private static FSLocationValueMetaData union(final FSLocationValueMetaData a, final FSLocationValueMetaData b) {
        Set<DefaultFSLocationSpec> all = new HashSet<>(a.m_specs);
        all.addAll(b.m_specs);
        return new FSLocationValueMetaData(all);
    }

    @Override
    public boolean equals(final Object o) {
        return o == this || o instanceof FSLocationValueMetaData && m_specs.equals(((FSLocationValueMetaData)o).m_specs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_specs);
    }

    /** How the shim stores it in tables (KNIME: PathValueMetaDataSerializer into the spec's config). */
    private static final class Codec implements ShimColumnMetaData.Codec<FSLocationValueMetaData> {
        @Override
        public void write(final FSLocationValueMetaData m, final DataOutputStream out) throws IOException {
            out.writeInt(m.m_specs.size());
            for (DefaultFSLocationSpec s : m.m_specs) {
                out.writeUTF(s.getFileSystemCategory());
                out.writeBoolean(s.getFileSystemSpecifier().isPresent());
                out.writeUTF(s.getFileSystemSpecifier().orElse(""));
            }
        }

        @Override
        public FSLocationValueMetaData read(final DataInputStream in) throws IOException {
            Set<DefaultFSLocationSpec> specs = new HashSet<>();
            for (int n = in.readInt(); n > 0; n--) {
                String category = in.readUTF();
                boolean hasSpecifier = in.readBoolean();
                String specifier = in.readUTF();
                specs.add(new DefaultFSLocationSpec(category, hasSpecifier ? specifier : null));
            }
            return new FSLocationValueMetaData(specs);
        }
    }
}
