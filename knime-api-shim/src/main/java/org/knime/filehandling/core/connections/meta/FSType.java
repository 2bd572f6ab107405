/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.meta;

import java.util.Objects;

/** The type of a file system implementation ("local", "knime-mountpoint", "amazon-s3" ...). */
public final class FSType {
    public static final FSType LOCAL_FS = FSTypeRegistry.getOrCreateFSType("local", "Local File System");

    public static final FSType MOUNTPOINT = FSTypeRegistry.getOrCreateFSType("knime-mountpoint", "Mountpoint");

    public static final FSType HUB = FSTypeRegistry.getOrCreateFSType("knime-hub", "KNIME Hub");

    public static final FSType HUB_SPACE = FSTypeRegistry.getOrCreateFSType("knime-hub-space", "KNIME Hub Space");

    public static final FSType RELATIVE_TO_WORKFLOW =
        FSTypeRegistry.getOrCreateFSType("knime-relative-workflow", "Relative to current workflow");

    public static final FSType RELATIVE_TO_MOUNTPOINT =
        FSTypeRegistry.getOrCreateFSType("knime-relative-mountpoint", "Relative to current mountpoint");

    public static final FSType RELATIVE_TO_SPACE =
        FSTypeRegistry.getOrCreateFSType("knime-relative-space", "Relative to current Hub Space");

    public static final FSType RELATIVE_TO_WORKFLOW_DATA_AREA =
        FSTypeRegistry.getOrCreateFSType("knime-relative-workflow-data", "Current workflow data area");

    public static final FSType CUSTOM_URL = FSTypeRegistry.getOrCreateFSType("knime-url", "Custom/KNIME URL");

    private final String m_typeId;
    private final String m_name;

    FSType(final String typeId, final String name) {
        if (typeId == null || typeId.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("ID and name of FSType must not be blank");
        }
        m_typeId = typeId.trim();
        m_name = name;
    }

    public String getTypeId() {
        return m_typeId;
    }

    public String getName() {
        return m_name;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(m_typeId);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj != null && obj.getClass() == getClass() && m_typeId.equals(((FSType)obj).m_typeId);
    }

    @Override
    public String toString() {
        return m_typeId;
    }
}
