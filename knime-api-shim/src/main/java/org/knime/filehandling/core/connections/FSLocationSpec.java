/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.util.Optional;

import org.knime.filehandling.core.connections.meta.FSType;
import org.knime.filehandling.core.connections.meta.FSTypeRegistry;

/** Which file system a location needs: its category plus an optional specifier. */
public interface FSLocationSpec {
    /** The null object (no category). */
    public static FSLocationSpec NULL = new FSLocationSpec() {
        @Override
        public String getFileSystemCategory() {
            return null;
        }

        @Override
        public Optional<String> getFileSystemSpecifier() {
            return Optional.empty();
        }
    };

    /** The category as the string of an {@link FSCategory} constant. */
    String getFileSystemCategory();

    default FSCategory getFSCategory() {
        return FSCategory.valueOf(getFileSystemCategory());
    }

    /** The file system type; for CONNECTED the type id is the specifier's part before the first ':'. */
    default FSType getFSType() {
        switch (getFSCategory()) {
            case LOCAL:
                return FSType.LOCAL_FS;
            case RELATIVE:
                return RelativeTo.fromSettingsValue(getFileSystemSpecifier().orElseThrow(IllegalStateException::new))
                    .toFSType();
            case MOUNTPOINT:
                return FSType.MOUNTPOINT;
            case CUSTOM_URL:
                return FSType.CUSTOM_URL;
            case CONNECTED:
                String typeId = getFileSystemSpecifier().orElseThrow(IllegalStateException::new).split(":")[0];
                return FSTypeRegistry.getFSType(typeId).orElseThrow(IllegalStateException::new);
            case HUB_SPACE:
                return FSType.HUB_SPACE;
            default:
                throw new IllegalStateException("Unknown file system category: " + getFSCategory());
        }
    }

    Optional<String> getFileSystemSpecifier();

    @Override
    String toString();

    /** Same category and specifier (or both null). */
    static boolean areEqual(final FSLocationSpec first, final FSLocationSpec second) {
        if (first == second) {
            return true;
        }
        if (first == null || second == null) {
            return false;
        }
        return first.getFileSystemCategory().equals(second.getFileSystemCategory())
            && first.getFileSystemSpecifier().equals(second.getFileSystemSpecifier());
    }
}
