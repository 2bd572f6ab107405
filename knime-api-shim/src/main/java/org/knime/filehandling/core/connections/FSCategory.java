/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of file systems a location can be on: the convenience ones, or one connected at a port. */
public enum FSCategory {
    /** The local disk. */
    LOCAL("Local File System"),
    /** Relative to the current workflow, its data area, mountpoint or Hub space (specifier: which). */
    RELATIVE("Relative to"),
    /** A KNIME mountpoint (specifier: the mount ID). */
    MOUNTPOINT("Mountpoint"),
    /** A KNIME Hub space (specifier: the space ID). */
    HUB_SPACE("Hub Space"),
    /** A URL (knime:, file:, http: ...); the path is the URL, the specifier the timeout in ms. */
    CUSTOM_URL("Custom/KNIME URL"),
    /** A file system connected at an input port (specifier: its type and instance). */
    CONNECTED("");

    private static final Set<FSCategory> STANDARD = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(CONNECTED)));

    private static final Set<FSCategory> STANDARD_NONTRIVIAL =
        Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(CONNECTED, CUSTOM_URL)));

    private final String m_label;

    FSCategory(final String label) {
        m_label = label;
    }

    public String getLabel() {
        return m_label;
    }

    /** All categories but CONNECTED. */
    public static Set<FSCategory> getStandardFSCategories() {
        return STANDARD;
    }

    /** The standard categories whose file systems can list and browse (all but CUSTOM_URL). */
    public static Set<FSCategory> getStandardNonTrivialFSCategories() {
        return STANDARD_NONTRIVIAL;
    }
}
