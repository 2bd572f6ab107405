/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.status.DefaultStatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.PriorityStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.knime.filehandling.core.port.FileSystemPortObjectSpec;
import org.mrisr.knimeshim.ShimChecks;
import org.mrisr.knimeshim.ShimWorkflowContext;

/**
 * The file system part of a file chooser (KNIME: FileSystemConfiguration with its file-system-specific
 * configs): which file systems are offered, the location, and their settings under
 * "file_system_chooser__Internals" (has_fs_port, overwritten_by_variable, convenience_fs_category, then per
 * offered file system: relative_to, mountpoint, spaceId + spaceName, custom_url_timeout, connected_fs) next to
 * the location under "path". With a file system port only the connected file system is active; without, the
 * convenience ones. The shim has no flow variables (overwritten_by_variable is always false).
 */
final class FileSystemConfig {
    private static final String CFG_INTERNALS = "file_system_chooser__Internals";
    private static final String CFG_HAS_FS_PORT = "has_fs_port";
    private static final String CFG_OVERWRITTEN_BY_VAR = "overwritten_by_variable";
    private static final String CFG_CONVENIENCE_FS_CATEGORY = "convenience_fs_category";
    private static final String CFG_RELATIVE_TO = "relative_to";
    private static final String CFG_MOUNTPOINT = "mountpoint";
    private static final String CFG_SPACE_ID = "spaceId";
    private static final String CFG_SPACE_NAME = "spaceName";
    private static final String CFG_CUSTOM_URL_TIMEOUT = "custom_url_timeout";
    private static final String CFG_CONNECTED_FS = "connected_fs";
    private static final String CFG_PATH = "path";
    private static final String CFG_OLD_PATH = "location";
    private static final String CFG_LOCATION_PRESENT = "location_present";
    private static final String CFG_FS_CATEGORY = "file_system_type";
    private static final String CFG_FS_SPECIFIER = "file_system_specifier";
    /** KNIME's URIFSConnectionConfig.DEFAULT_TIMEOUT_MILLIS. */
    private static final int DEFAULT_URL_TIMEOUT = 10000;

    /** The categories offered (with or without port: CONNECTED is in it, the others are the convenience ones). */
    private final EnumSet<FSCategory> m_offered;
    private final int m_portIdx;
    private final List<ChangeListener> m_listeners = new ArrayList<>();

    private FSLocation m_location;
    private FSCategory m_convenienceCategory = FSCategory.LOCAL;
    private boolean m_settingsStoredWithFSPort;
    private boolean m_loading;
    private boolean m_new = true;

    // the file-system-specific values
    private RelativeTo m_relativeTo = RelativeTo.WORKFLOW_DATA;
    private String m_mountpoint = defaultMountpoint();
    private String m_spaceId = "";
    private String m_spaceName = "";
    private int m_urlTimeout = DEFAULT_URL_TIMEOUT;
    private FSLocationSpec m_connectedSpec = new DefaultFSLocationSpec(FSCategory.CONNECTED, null);
    private String m_connectedName;
    private Optional<FSConnection> m_connection = Optional.empty();

    /** @param portIdx index of the file system port, -1 without one */
    FileSystemConfig(final Set<FSCategory> convenience, final int portIdx) {
        m_offered = EnumSet.copyOf(convenience);
        m_offered.add(FSCategory.CONNECTED);
        m_portIdx = portIdx;
        m_settingsStoredWithFSPort = hasFSPort();
        FSCategory first = m_offered.stream().filter(this::isActive).findFirst().orElseThrow(
            () -> new IllegalArgumentException("At least one of the file system specific configs must be active."));
        m_location = adapt(null, specOf(first));
        if (!hasFSPort()) {
            m_convenienceCategory = first;
        }
    }

    private FileSystemConfig(final FileSystemConfig c) {
        m_offered = EnumSet.copyOf(c.m_offered);
        m_portIdx = c.m_portIdx;
        m_location = c.m_location;
        m_convenienceCategory = c.m_convenienceCategory;
        m_settingsStoredWithFSPort = c.m_settingsStoredWithFSPort;
        m_new = c.m_new;
        m_relativeTo = c.m_relativeTo;
        m_mountpoint = c.m_mountpoint;
        m_spaceId = c.m_spaceId;
        m_spaceName = c.m_spaceName;
        m_urlTimeout = c.m_urlTimeout;
        m_connectedSpec = c.m_connectedSpec;
        m_connectedName = c.m_connectedName;
        m_connection = c.m_connection;
    }

    FileSystemConfig copy() {
        return new FileSystemConfig(this);
    }

    private static String defaultMountpoint() {
        String id = ShimWorkflowContext.mountId();
        return id == null ? ShimWorkflowContext.DEFAULT_MOUNT_ID : id;
    }

    void addChangeListener(final ChangeListener l) {
        m_listeners.add(l);
    }

    private void notifyListeners() {
        if (!m_loading) {
            ChangeEvent e = new ChangeEvent(this);
            m_listeners.forEach(l -> l.stateChanged(e));
        }
    }

    boolean hasFSPort() {
        return m_portIdx != -1;
    }

    int portIdx() {
        return m_portIdx;
    }

    /** With a port only CONNECTED is active; without, every offered convenience category. */
    boolean isActive(final FSCategory category) {
        return m_offered.contains(category) && (category == FSCategory.CONNECTED) == hasFSPort();
    }

    Set<FSCategory> activeCategories() {
        EnumSet<FSCategory> active = EnumSet.noneOf(FSCategory.class);
        m_offered.stream().filter(this::isActive).forEach(active::add);
        return active;
    }

    /** The location spec the file-system-specific config of the category has now. */
    private FSLocationSpec specOf(final FSCategory category) {
        switch (category) {
            case RELATIVE:
                return new DefaultFSLocationSpec(FSCategory.RELATIVE, m_relativeTo.getSettingsValue());
            case MOUNTPOINT:
                return new DefaultFSLocationSpec(FSCategory.MOUNTPOINT, m_mountpoint);
            case HUB_SPACE:
                return new DefaultFSLocationSpec(FSCategory.HUB_SPACE, m_spaceId);
            case CUSTOM_URL:
                return new DefaultFSLocationSpec(FSCategory.CUSTOM_URL, Long.toString(m_urlTimeout));
            case CONNECTED:
                return m_connectedSpec;
            default:
                return new DefaultFSLocationSpec(category);
        }
    }

    /** The location with the path on a file system the dialog offers (relative-to option for RELATIVE). */
    FSLocation locationOn(final FSCategory category, final RelativeTo relativeTo, final String path) {
        FSLocationSpec spec = category == FSCategory.RELATIVE && relativeTo != null
            ? new DefaultFSLocationSpec(FSCategory.RELATIVE, relativeTo.getSettingsValue()) : specOf(category);
        return new FSLocation(spec.getFileSystemCategory(), spec.getFileSystemSpecifier().orElse(null), path);
    }

    private static FSLocation adapt(final FSLocation old, final FSLocationSpec spec) {
        if (spec instanceof FSLocation) {
            return (FSLocation)spec;
        }
        return new FSLocation(spec.getFileSystemCategory(), spec.getFileSystemSpecifier().orElse(null),
            old == null ? "" : old.getPath());
    }

    /** The location; with a port always on the connected file system. */
    FSLocation getLocation() {
        return hasFSPort() ? adapt(m_location, m_connectedSpec) : m_location;
    }

    /** Sets the location if it differs and its category is active (else it is ignored, as in KNIME). */
    void setLocation(final FSLocationSpec spec) {
        if (!Objects.equals(m_location, spec) && activeCategories().contains(spec.getFSCategory())) {
            m_new = false;
            setLocationInternal(spec);
            notifyListeners();
        }
    }

    private void setLocationInternal(final FSLocationSpec spec) {
        m_location = adapt(m_location, spec);
        if (!hasFSPort() && spec.getFSCategory() != FSCategory.CONNECTED) {
            m_convenienceCategory = spec.getFSCategory();
        }
    }

    Optional<FSConnection> getConnection() {
        return hasFSPort() ? m_connection : Optional.empty();
    }

    String getFileSystemName() {
        if (hasFSPort()) {
            return m_connectedName;
        }
        FSCategory c = m_location.getFSCategory();
        return c == FSCategory.RELATIVE || c == FSCategory.HUB_SPACE || c == FSCategory.CUSTOM_URL ? c.getLabel()
            : c == FSCategory.MOUNTPOINT ? "Mountpoint" : "Local File System";
    }

    // ---- configure and report ----

    void configureInModel(final PortObjectSpec[] specs, final Consumer<StatusMessage> consumer)
        throws InvalidSettingsException {
        if (hasFSPort()) {
            updateConnected(specs, consumer, true);
        } else {
            if (m_new) {
                // KNIME picks the default file system from where the workflow is: a local one in the shim
                m_new = false;
                if (isActive(FSCategory.LOCAL)) {
                    setLocation(new DefaultFSLocationSpec(FSCategory.LOCAL));
                }
            }
            configureConvenience();
        }
        PriorityStatusConsumer prio = new PriorityStatusConsumer();
        report(m -> {
            consumer.accept(m);
            prio.accept(m);
        });
        Optional<StatusMessage> top = prio.get();
        if (top.isPresent() && top.get().getType() == MessageType.ERROR) {
            throw new InvalidSettingsException(top.get().getMessage());
        }
    }

    private void updateConnected(final PortObjectSpec[] specs, final Consumer<StatusMessage> consumer,
        final boolean inModel) throws InvalidSettingsException {
        ShimChecks.checkSetting(specs.length > m_portIdx && specs[m_portIdx] != null,
            "No file system connected at port %s.", m_portIdx);
        FileSystemPortObjectSpec spec = (FileSystemPortObjectSpec)specs[m_portIdx];
        m_connectedSpec = spec.getFSLocationSpec();
        m_connectedName = FileSystemPortObjectSpec.getFileSystemType(specs, m_portIdx).orElse(null);
        m_connection = FileSystemPortObjectSpec.getFileSystemConnection(specs, m_portIdx);
        if (inModel && !m_connection.isPresent()) {
            consumer.accept(notConnectedWarning());
        }
    }

    private static StatusMessage notConnectedWarning() {
        return new DefaultStatusMessage(MessageType.WARNING, "No connection available. Execute the connector node first.");
    }

    private void configureConvenience() throws InvalidSettingsException {
        FSCategory c = m_location.getFSCategory();
        if (!isActive(c)) {
            return;
        }
        if (c == FSCategory.MOUNTPOINT) {
            ShimChecks.checkSetting(mountpointValid(), "The selected mountpoint '%s' is no longer valid.", m_mountpoint);
        } else if (c == FSCategory.HUB_SPACE) {
            ShimChecks.checkSetting(!m_spaceId.isBlank(), "No Hub Space selected");
            throw new InvalidSettingsException("Current workflow must be stored on a KNIME Hub.");
        }
    }

    private boolean mountpointValid() {
        String local = ShimWorkflowContext.mountId();
        return m_mountpoint.equalsIgnoreCase(local == null ? ShimWorkflowContext.DEFAULT_MOUNT_ID : local)
            || ShimWorkflowContext.isRemoteMountpoint(m_mountpoint);
    }

    /** The problems of the current file system: an error makes the settings invalid. */
    void report(final Consumer<StatusMessage> consumer) {
        FSCategory c = m_location.getFSCategory();
        if (hasFSPort()) {
            if (m_connectedName == null) {
                consumer.accept(new DefaultStatusMessage(MessageType.ERROR, "No file system connected."));
            }
            if (!m_connection.isPresent()) {
                consumer.accept(notConnectedWarning());
            }
        } else if (c == FSCategory.MOUNTPOINT) {
            if (!mountpointValid()) {
                consumer.accept(new DefaultStatusMessage(MessageType.ERROR, "The selected mountpoint '%s' is invalid.",
                    m_mountpoint));
            } else if (ShimWorkflowContext.isRemoteMountpoint(m_mountpoint)) {
                consumer.accept(new DefaultStatusMessage(MessageType.WARNING,
                    "The selected mountpoint '%s' is not connected.", m_mountpoint));
            }
        } else if (c == FSCategory.CUSTOM_URL && m_urlTimeout < 0) {
            consumer.accept(new DefaultStatusMessage(MessageType.ERROR, "The specified custom URL timeout is negative."));
        }
    }

    /** @throws InvalidSettingsException with the errors {@link #report} finds, one per line */
    void validate() throws InvalidSettingsException {
        List<String> errors = new ArrayList<>();
        report(m -> {
            if (m.getType() == MessageType.ERROR) {
                errors.add(m.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(String.join("\n", errors));
        }
    }

    /** Whether a connection can be made for the location now (KNIME's FileSystemHelper). */
    boolean canCreateConnection() {
        FSLocation loc = getLocation();
        switch (loc.getFSCategory()) {
            case CONNECTED:
                return getConnection().isPresent();
            case MOUNTPOINT:
                return mountpointValid() && !ShimWorkflowContext.isRemoteMountpoint(m_mountpoint);
            case HUB_SPACE:
                return false;
            default:
                return true;
        }
    }

    /** Whether the location's file system can list folders (KNIME's FileSystemHelper.canBrowse). */
    boolean canBrowse() {
        FSCategory c = getLocation().getFSCategory();
        if (c == FSCategory.CUSTOM_URL) {
            return false;
        }
        return c == FSCategory.CONNECTED ? m_connection.map(FSConnection::supportsBrowsing).orElse(false)
            : canCreateConnection();
    }

    // ---- persistence ----

    void saveSettingsForModel(final NodeSettingsWO settings) {
        NodeSettingsWO internals = settings.addNodeSettings(CFG_INTERNALS);
        internals.addBoolean(CFG_HAS_FS_PORT, hasFSPort());
        internals.addBoolean(CFG_OVERWRITTEN_BY_VAR, false);
        if (!hasFSPort()) {
            m_convenienceCategory = m_location.getFSCategory();
        }
        internals.addString(CFG_CONVENIENCE_FS_CATEGORY, m_convenienceCategory.name());
        for (FSCategory c : m_offered) {
            saveSpecific(c, internals);
        }
        NodeSettingsWO path = settings.addNodeSettings(CFG_PATH);
        path.addBoolean(CFG_LOCATION_PRESENT, m_location != FSLocation.NULL);
        if (m_location != FSLocation.NULL) {
            path.addString(CFG_FS_CATEGORY, m_location.getFileSystemCategory());
            m_location.getFileSystemSpecifier().ifPresent(s -> path.addString(CFG_FS_SPECIFIER, s));
            path.addString(CFG_PATH, m_location.getPath());
        }
    }

    void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        validate();
        saveSettingsForModel(settings);
    }

    private void saveSpecific(final FSCategory c, final NodeSettingsWO s) {
        switch (c) {
            case RELATIVE:
                s.addString(CFG_RELATIVE_TO, m_relativeTo.getSettingsValue());
                break;
            case MOUNTPOINT:
                s.addString(CFG_MOUNTPOINT, m_mountpoint);
                break;
            case HUB_SPACE:
                s.addString(CFG_SPACE_ID, m_spaceId);
                s.addString(CFG_SPACE_NAME, m_spaceName);
                break;
            case CUSTOM_URL:
                s.addInt(CFG_CUSTOM_URL_TIMEOUT, m_urlTimeout);
                break;
            case CONNECTED:
                s.addBoolean(CFG_CONNECTED_FS, true);
                break;
            default:
                // the local file system has no settings
        }
    }

    /** The location saved in the settings ("path", or "location" in settings of early 4.2). */
    static FSLocation loadLocation(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            return readLocation(settings.getNodeSettings(CFG_PATH));
        } catch (InvalidSettingsException ex) {
            try {
                return readLocation(settings.getNodeSettings(CFG_OLD_PATH));
            } catch (InvalidSettingsException old) { // NOSONAR report the current key's problem
                throw ex;
            }
        }
    }

    private static FSLocation readLocation(final NodeSettingsRO c) throws InvalidSettingsException {
        if (!c.getBoolean(CFG_LOCATION_PRESENT)) {
            return FSLocation.NULL;
        }
        return new FSLocation(c.getString(CFG_FS_CATEGORY), c.getString(CFG_FS_SPECIFIER, null), c.getString(CFG_PATH));
    }

    void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO internals = settings.getNodeSettings(CFG_INTERNALS);
        internals.getBoolean(CFG_HAS_FS_PORT);
        for (FSCategory c : m_offered) {
            try {
                validateSpecific(c, internals);
            } catch (InvalidSettingsException e) {
                if (isActive(c)) {
                    throw e;
                }
            }
        }
        FSLocation loc = loadLocation(settings);
        if (isActive(loc.getFSCategory())) {
            validateLocation(loc);
        }
        // else: a location of a file system not offered now (port added/removed): configure reports it
    }

    private static void validateSpecific(final FSCategory c, final NodeSettingsRO s) throws InvalidSettingsException {
        switch (c) {
            case RELATIVE:
                readRelativeTo(s);
                break;
            case MOUNTPOINT:
                s.getString(CFG_MOUNTPOINT);
                break;
            case CUSTOM_URL:
                ShimChecks.checkSetting(s.getInt(CFG_CUSTOM_URL_TIMEOUT) >= 0, "The custom URL timeout must not be negative.");
                break;
            case CONNECTED:
                s.getBoolean(CFG_CONNECTED_FS);
                break;
            default:
                // local and Hub space: nothing required
        }
    }

    private static RelativeTo readRelativeTo(final NodeSettingsRO s) throws InvalidSettingsException {
        try {
            return RelativeTo.fromSettingsValue(s.getString(CFG_RELATIVE_TO));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException("Can't load relative to: " + iae.getMessage(), iae);
        }
    }

    private static void validateLocation(final FSLocation loc) throws InvalidSettingsException {
        Optional<String> specifier = loc.getFileSystemSpecifier();
        switch (loc.getFSCategory()) {
            case RELATIVE:
                ShimChecks.checkSetting(specifier.isPresent(),
                    "No relative to option specified for the relative to file system.");
                try {
                    RelativeTo.fromSettingsValue(specifier.get());
                } catch (IllegalArgumentException iae) {
                    throw new InvalidSettingsException(
                        String.format("Unsupported relative to option '%s' encountered.", specifier.get()), iae);
                }
                break;
            case MOUNTPOINT:
                ShimChecks.checkSetting(specifier.isPresent(), "No mountpoint specified for the mountpoint file system.");
                break;
            case HUB_SPACE:
                ShimChecks.checkSetting(specifier.isPresent(), "No space specified for the Hub Space file system.");
                break;
            case CUSTOM_URL:
                ShimChecks.checkSetting(specifier.isPresent(), "No timeout specified for custom url file system.");
                int timeout;
                try {
                    timeout = Integer.parseInt(specifier.get());
                } catch (NumberFormatException ex) {
                    throw new InvalidSettingsException(
                        String.format("The specfied timeout '%s' is not a valid number.", specifier.get()), ex);
                }
                ShimChecks.checkSetting(timeout >= 0, "The timeout must be non-negative but was %s.", timeout);
                break;
            default:
                // local and connected: nothing to check
        }
    }

    void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_new = false;
        m_loading = true;
        try {
            m_location = loadLocation(settings);
            NodeSettingsRO internals = settings.getNodeSettings(CFG_INTERNALS);
            m_settingsStoredWithFSPort = internals.getBoolean(CFG_HAS_FS_PORT);
            for (FSCategory c : m_offered) {
                if (isActive(c)) {
                    loadSpecific(c, internals);
                }
            }
            restoreConvenienceIfPortRemoved(internals);
            if (!m_settingsStoredWithFSPort && hasFSPort()) {
                setLocation(m_connectedSpec);
            }
            FSCategory current = m_location.getFSCategory();
            if (!m_offered.contains(current)) {
                // KNIME fails the same way (CheckUtils.checkNotNull)
                throw new NullPointerException("The selected file system type " + current + " cannot be used");
            }
            updateSpecifier(m_location);
        } finally {
            m_loading = false;
        }
        notifyListeners();
    }

    private void loadSpecific(final FSCategory c, final NodeSettingsRO s) throws InvalidSettingsException {
        switch (c) {
            case RELATIVE:
                m_relativeTo = readRelativeTo(s);
                break;
            case MOUNTPOINT:
                m_mountpoint = s.getString(CFG_MOUNTPOINT);
                break;
            case HUB_SPACE:
                m_spaceId = s.getString(CFG_SPACE_ID, "");
                m_spaceName = s.getString(CFG_SPACE_NAME, "");
                break;
            case CUSTOM_URL:
                int timeout = s.getInt(CFG_CUSTOM_URL_TIMEOUT);
                ShimChecks.checkSetting(timeout >= 0, "The custom URL timeout must not be negative.");
                m_urlTimeout = timeout;
                break;
            default:
                // local and connected: nothing saved
        }
    }

    private void restoreConvenienceIfPortRemoved(final NodeSettingsRO internals) {
        m_convenienceCategory =
            FSCategory.valueOf(internals.getString(CFG_CONVENIENCE_FS_CATEGORY, FSCategory.LOCAL.name()));
        if (m_settingsStoredWithFSPort && !hasFSPort()) {
            m_location = adapt(m_location, specOf(m_convenienceCategory));
        }
    }

    /** The file-system-specific config takes over the location's specifier (KNIME: updateSpecifier). */
    private void updateSpecifier(final FSLocationSpec loc) {
        Optional<String> specifier = loc.getFileSystemSpecifier();
        switch (loc.getFSCategory()) {
            case RELATIVE:
                m_relativeTo = RelativeTo.fromSettingsValue(specifier.orElseThrow(() -> new IllegalArgumentException(
                    String.format("The provided FSLocation '%s' does not provide a relative-to option.", loc))));
                break;
            case MOUNTPOINT:
                m_mountpoint = specifier.orElseThrow(() -> new IllegalArgumentException("No mountpoint specified."));
                break;
            case HUB_SPACE:
                m_spaceId = specifier.orElseThrow(() -> new IllegalArgumentException("Hub Space is not specified"));
                m_spaceName = "";
                break;
            case CUSTOM_URL:
                int timeout = Integer.parseInt(specifier
                    .orElseThrow(() -> new IllegalArgumentException("No timeout for custom URL file system provided.")));
                ShimChecks.checkArgument(timeout >= 0, "The custom URL timeout must not be negative.");
                m_urlTimeout = timeout;
                break;
            default:
                // nothing to take over
        }
    }

    void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_new = false;
        m_loading = true;
        try {
            try {
                m_location = loadLocation(settings);
            } catch (InvalidSettingsException e) { // NOSONAR as KNIME: keep the current location
            }
            NodeSettingsRO internals = getOrEmpty(settings, CFG_INTERNALS);
            m_settingsStoredWithFSPort = internals.getBoolean(CFG_HAS_FS_PORT, false);
            loadSpecificForDialog(internals, specs);
            restoreConvenienceIfPortRemoved(internals);
            if (hasFSPort()) {
                setLocation(m_connectedSpec);
            }
            if (m_offered.contains(m_location.getFSCategory())) {
                updateSpecifier(m_location);
            }
        } finally {
            m_loading = false;
        }
        notifyListeners();
    }

    private void loadSpecificForDialog(final NodeSettingsRO s, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        if (hasFSPort()) {
            if (specs[m_portIdx] == null) {
                throw new NotConfigurableException("No file system connected");
            }
            try {
                updateConnected(specs, m -> {
                }, false);
            } catch (InvalidSettingsException e) {
                throw new NotConfigurableException(e.getMessage());
            }
            return;
        }
        if (isActive(FSCategory.RELATIVE)) {
            m_relativeTo =
                RelativeTo.fromSettingsValue(s.getString(CFG_RELATIVE_TO, RelativeTo.WORKFLOW_DATA.getSettingsValue()));
        }
        if (isActive(FSCategory.MOUNTPOINT)) {
            m_mountpoint = s.getString(CFG_MOUNTPOINT, defaultMountpoint());
        }
        if (isActive(FSCategory.HUB_SPACE)) {
            m_spaceId = s.getString(CFG_SPACE_ID, "");
            m_spaceName = s.getString(CFG_SPACE_NAME, "");
        }
        if (isActive(FSCategory.CUSTOM_URL)) {
            m_urlTimeout = s.getInt(CFG_CUSTOM_URL_TIMEOUT, DEFAULT_URL_TIMEOUT);
        }
    }

    /** The child settings, or empty settings if there are none. */
    static NodeSettingsRO getOrEmpty(final NodeSettingsRO settings, final String key) {
        try {
            return settings.getNodeSettings(key);
        } catch (InvalidSettingsException e) {
            return new NodeSettings(key);
        }
    }
}
