/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.util.Arrays;

import org.knime.filehandling.core.connections.meta.FSType;

/** What a RELATIVE location is relative to; the settings value is the location's specifier. */
public enum RelativeTo {
    /** The current Hub space. */
    SPACE("knime.space", "Current Hub Space", FSType.RELATIVE_TO_SPACE),
    /** The current mountpoint. */
    MOUNTPOINT("knime.mountpoint", "Current mountpoint", FSType.RELATIVE_TO_MOUNTPOINT),
    /** The current workflow (its folder's contents are not accessible). */
    WORKFLOW("knime.workflow", "Current workflow", FSType.RELATIVE_TO_WORKFLOW),
    /** The workflow's data area (the "data" folder inside the workflow). */
    WORKFLOW_DATA("knime.workflow.data", "Current workflow data area", FSType.RELATIVE_TO_WORKFLOW_DATA_AREA);

    private final String m_settingsValue;
    private final String m_label;
    private final FSType m_fsType;

    RelativeTo(final String settingsValue, final String label, final FSType fsType) {
        m_settingsValue = settingsValue;
        m_label = label;
        m_fsType = fsType;
    }

    @Override
    public String toString() {
        return m_label;
    }

    /** @throws IllegalArgumentException for an unknown settings value */
    public static RelativeTo fromSettingsValue(final String string) {
        return Arrays.stream(values()).filter(r -> r.m_settingsValue.equals(string)).findFirst().orElseThrow(
            () -> new IllegalArgumentException(String.format("Unknown relative to option '%s' encountered.", string)));
    }

    public String getLabel() {
        return m_label;
    }

    public String getSettingsValue() {
        return m_settingsValue;
    }

    public FSType toFSType() {
        return m_fsType;
    }
}
