/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections.meta;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The known file system types by id. */
public final class FSTypeRegistry {
    private static final Map<String, FSType> TYPES = new HashMap<>();

    private FSTypeRegistry() {
    }

    /** The type of that id, created with the name if it is new. */
    public static synchronized FSType getOrCreateFSType(final String typeId, final String name) {
        FSType t = TYPES.get(typeId);
        if (t == null) {
            t = new FSType(typeId, name);
            TYPES.put(typeId, t);
        }
        return t;
    }

    public static Optional<FSType> getFSType(final String key) {
        // The constants of FSType register themselves when that class is initialised; do that before taking
        // the lock (class initialisation takes it too).
        FSType.LOCAL_FS.getTypeId();
        synchronized (FSTypeRegistry.class) {
            return Optional.ofNullable(TYPES.get(key));
        }
    }
}
