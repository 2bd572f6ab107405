/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.ShimSettingsModelHooks;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.DefaultStatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.PriorityStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.knime.filehandling.core.defaultnodesettings.status.StatusReporter;
import org.knime.filehandling.core.port.FileSystemPortObjectSpec;
import org.mrisr.knimeshim.ShimChecks;
import org.mrisr.knimeshim.fs.ShimFileSystems;

/**
 * The settings of a file chooser: file system (the node's file system port if it has one, else one of the
 * convenience file systems offered), location and filter mode. Saved under the config name with
 * "file_system_chooser__Internals", "path" and the "filter_mode" model (see FileSystemConfig and
 * SettingsModelFilterMode); settings without that config are not file chooser settings (e.g. an old string
 * path). In the node model call {@link #configureInModel} in configure; it takes the file system from the
 * port and checks the settings.
 */
public abstract class AbstractSettingsModelFileChooser<T extends AbstractSettingsModelFileChooser<T>>
    extends SettingsModel implements StatusReporter {
    static final String NO_LOCATION_ERROR = "Please specify a %s";

    private static final DefaultStatusMessage WHITESPACE_ERROR = new DefaultStatusMessage(MessageType.ERROR,
        "The path contains leading and/or trailing whitespaces, please remove them");

    private final FileSystemConfig m_fsConfig;
    private final String m_configName;
    private final SettingsModelFilterMode m_filterModeModel;
    private String[] m_fileExtensions;
    private boolean m_loading;

    /**
     * @param configName key of the settings
     * @param portsConfig the node's ports
     * @param fileSystemPortIdentifier the port group of the optional file system port
     * @param filterModeConfig the default and the offered filter modes
     * @param convenienceFS the file systems offered when no file system port is present
     * @param fileExtensions the extensions the browse dialog shows (they do not filter listings)
     */
    protected AbstractSettingsModelFileChooser(final String configName, final PortsConfiguration portsConfig,
        final String fileSystemPortIdentifier, final EnumConfig<FilterMode> filterModeConfig,
        final Set<FSCategory> convenienceFS, final String... fileExtensions) {
        m_fsConfig = new FileSystemConfig(convenienceFS, portIndex(portsConfig, fileSystemPortIdentifier));
        m_fsConfig.addChangeListener(e -> notifyChangeListeners());
        m_configName = configName;
        m_fileExtensions = ShimChecks
            .checkArgumentNotNull(fileExtensions, "The fileExtensions may be empty but never null.").clone();
        m_filterModeModel = new SettingsModelFilterMode("filter_mode", filterModeConfig);
        m_filterModeModel.addChangeListener(e -> notifyChangeListeners());
        addChangeListener(e -> updateFilterMode());
        ShimSettingsModelHooks.bind(this, new Hooks());
    }

    protected AbstractSettingsModelFileChooser(final AbstractSettingsModelFileChooser<T> toCopy) {
        m_configName = toCopy.m_configName;
        m_fsConfig = toCopy.m_fsConfig.copy();
        m_fileExtensions = toCopy.m_fileExtensions.clone();
        m_filterModeModel = toCopy.m_filterModeModel.createClone();
        ShimSettingsModelHooks.bind(this, new Hooks());
    }

    private static int portIndex(final PortsConfiguration portsConfig, final String portGroup) {
        int[] idx = portsConfig.getInputPortLocation().get(portGroup);
        if (idx == null) {
            return -1;
        }
        ShimChecks.checkArgument(idx.length == 1,
            "The input port group '%s' should contain at most 1 element but contained %s.", portGroup, idx.length);
        return idx[0];
    }

    /** The model type ID saved in the settings' internals (KNIME declares it in SettingsModel). */
    protected abstract String getModelTypeID();

    /** A custom URL location can only select a file: FILE must be offered if CUSTOM_URL is. */
    protected final void checkFilterModesSupportedByAllFileSystems() {
        if (m_fsConfig.activeCategories().contains(FSCategory.CUSTOM_URL)) {
            ShimChecks.checkArgument(m_filterModeModel.isSupported(FilterMode.FILE),
                "FilterMode.FILE must be among the selectable filter modes "
                    + "if FSCategory.CUSTOM_URL is an active file system.");
        }
    }

    @Override
    public final void addChangeListener(final ChangeListener l) {
        super.addChangeListener(l);
    }

    @Override
    protected void notifyChangeListeners() {
        if (!m_loading) {
            super.notifyChangeListeners();
        }
    }

    /** A file system that cannot list folders (e.g. a custom URL) forces the FILE mode and disables the choice. */
    protected void updateFilterMode() {
        boolean canListFiles = canListFiles();
        if (!canListFiles) {
            m_filterModeModel.setFilterMode(FilterMode.FILE);
        }
        m_filterModeModel.setEnabled(canListFiles && isEnabled());
    }

    private Optional<String> checkConfigurability(final PortObjectSpec[] specs) {
        if (!m_filterModeModel.isSupported(FilterMode.FILE) && !canListFiles(specs)) {
            Optional<String> fsName = FileSystemPortObjectSpec.getFileSystemType(specs, m_fsConfig.portIdx());
            return Optional.of(fsName.map(n -> String.format(
                "The connected file system '%s' is not compatible with this node because it doesn't support folders.", n))
                .orElse("The connected file system is not compatible with this node because it doesn't support folders."));
        }
        return Optional.empty();
    }

    private boolean canListFiles(final PortObjectSpec[] specs) {
        if (m_fsConfig.hasFSPort()) {
            return FileSystemPortObjectSpec.getFileSystemConnection(specs, m_fsConfig.portIdx())
                .map(FSConnection::supportsBrowsing).orElse(Boolean.TRUE);
        }
        return true;
    }

    /**
     * Takes the file system from the port (if any) and checks the settings; warnings go to the consumer
     * (usually a NodeModelStatusConsumer). Call it in the node model's configure.
     *
     * @throws InvalidSettingsException if the settings are invalid or do not fit the input specs
     */
    public void configureInModel(final PortObjectSpec[] specs, final Consumer<StatusMessage> statusMessageConsumer)
        throws InvalidSettingsException {
        m_fsConfig.configureInModel(specs, statusMessageConsumer);
        Optional<String> error = checkConfigurability(specs);
        if (error.isPresent()) {
            throw new InvalidSettingsException(error.get());
        }
        checkLocation();
    }

    /** @throws InvalidSettingsException if the path is empty or has leading/trailing whitespace */
    protected final void checkLocation() throws InvalidSettingsException {
        PriorityStatusConsumer consumer = new PriorityStatusConsumer();
        reportOnLocation(consumer);
        Optional<StatusMessage> status = consumer.get();
        if (status.isPresent()) {
            ShimChecks.checkSetting(status.get().getType() != MessageType.ERROR, "%s", status.get().getMessage());
        }
    }

    /** The keys of the location in the settings (for the dialog's flow variable model). */
    public String[] getKeysForFSLocation() {
        return new String[]{m_configName, "path"};
    }

    String[] getFileExtensions() {
        return m_fileExtensions;
    }

    public void setFileExtensions(final String... fileExtensions) {
        ShimChecks.checkArgumentNotNull(fileExtensions, "The fileExtensions may be empty but never null.");
        if (!Arrays.equals(m_fileExtensions, fileExtensions)) {
            m_fileExtensions = fileExtensions.clone();
            notifyChangeListeners();
        }
    }

    /** A path accessor for the current settings (and the port's connection). */
    protected final FileChooserPathAccessor createPathAccessor() {
        return new FileChooserPathAccessor(this, m_fsConfig.getConnection());
    }

    public SettingsModelFilterMode getFilterModeModel() {
        return m_filterModeModel;
    }

    boolean supportsMultipleFilterModes() {
        return m_filterModeModel.getNumberOfSupportedFilterModes() > 1;
    }

    public FilterMode getFilterMode() {
        return m_filterModeModel.getFilterMode();
    }

    /**
     * The connection of the location: the port's, or a new convenience connection (which the caller must close).
     *
     * @throws IllegalStateException if there is none (no connected file system)
     */
    public FSConnection getConnection() {
        FSLocation location = getLocation();
        if (location.getFSCategory() == FSCategory.CONNECTED) {
            return m_fsConfig.getConnection().orElseThrow(() -> new IllegalStateException("Can't retrieve connection."));
        }
        return ShimFileSystems.forLocation(location);
    }

    public boolean canCreateConnection() {
        return m_fsConfig.canCreateConnection();
    }

    /** True unless the file system is available and cannot list files (e.g. a custom URL). */
    public boolean canListFiles() {
        return !canCreateConnection() || canBrowse();
    }

    boolean canBrowse() {
        return m_fsConfig.canBrowse();
    }

    /** Sets the location (ignored if its file system is not offered, as in KNIME). */
    public void setLocation(final FSLocation location) {
        m_fsConfig.setLocation(location);
    }

    /** Sets the path, keeping the file system. */
    public void setPath(final String path) {
        FSLocation location = m_fsConfig.getLocation();
        if (!location.getPath().equals(path)) {
            m_fsConfig.setLocation(
                new FSLocation(location.getFSCategory(), location.getFileSystemSpecifier().orElse(null), path));
        }
    }

    public FSLocation getLocation() {
        return m_fsConfig.getLocation();
    }

    /** The name of the file system (null before configureInModel for a connected one). */
    public String getFileSystemName() {
        return m_fsConfig.getFileSystemName();
    }

    public boolean isLocationValid() {
        return m_fsConfig.hasFSPort() || m_fsConfig.isActive(m_fsConfig.getLocation().getFSCategory());
    }

    /** Always false in the shim (no flow variables). */
    public boolean isOverwrittenByFlowVariable() {
        return false;
    }

    FileSystemConfig fileSystemConfig() {
        return m_fsConfig;
    }

    boolean isLoading() {
        return m_loading;
    }

    void validateConfig() throws InvalidSettingsException {
        m_fsConfig.validate();
    }

    void loadForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs) throws NotConfigurableException {
        m_loading = true;
        try {
            NodeSettingsRO topLevel = FileSystemConfig.getOrEmpty(settings, m_configName);
            m_fsConfig.loadSettingsForDialog(topLevel, specs);
            m_filterModeModel.loadSettingsForDialog(topLevel, specs);
            loadAdditionalSettingsForDialog(topLevel, specs);
            Optional<String> error = checkConfigurability(specs);
            if (error.isPresent()) {
                throw new NotConfigurableException(error.get());
            }
        } finally {
            m_loading = false;
        }
        notifyChangeListeners();
    }

    protected void loadAdditionalSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        // no additional settings
    }

    protected void saveAdditionalSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        // no additional settings
    }

    protected void validateAdditionalSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        // no additional settings
    }

    protected void loadAdditionalSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        // no additional settings
    }

    protected void saveAdditionalSettingsForModel(final NodeSettingsWO settings) {
        // no additional settings
    }

    /**
     * The location in the settings, without changing this model.
     *
     * @throws InvalidSettingsException if the settings hold no file chooser settings of this config name
     */
    public FSLocation extractLocation(final NodeSettingsRO settings) throws InvalidSettingsException {
        return FileSystemConfig.loadLocation(settings.getNodeSettings(m_configName));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    @Override
    public void report(final Consumer<StatusMessage> messageConsumer) {
        reportOnLocation(messageConsumer);
        m_fsConfig.report(messageConsumer);
    }

    private void reportOnLocation(final Consumer<StatusMessage> messageConsumer) {
        String path = getLocation().getPath();
        if (path.length() == 0) {
            messageConsumer.accept(
                new DefaultStatusMessage(MessageType.ERROR, String.format(NO_LOCATION_ERROR, getFilterMode().getTextLabel())));
        }
        if (!path.equals(path.trim())) {
            messageConsumer.accept(WHITESPACE_ERROR);
        }
    }

    @SuppressWarnings("unchecked")
    public abstract T createClone();

    /** An error if the location cannot be read (e.g. does not exist), else the most important status. */
    public synchronized StatusMessage getStatusMessage() {
        try (FileChooserPathAccessor accessor = createPathAccessor()) {
            PriorityStatusConsumer consumer = new PriorityStatusConsumer();
            accessor.getFSPaths(consumer);
            Optional<StatusMessage> msg = consumer.get();
            if (msg.isPresent()) {
                return msg.get();
            }
        } catch (IOException | InvalidSettingsException ex) {
            return StatusMessage.error(ex.getMessage());
        }
        return StatusMessage.EMPTY;
    }

    /** KNIME's protected SettingsModel methods of the file chooser models. */
    private final class Hooks implements ShimSettingsModelHooks {
        @Override
        public String getModelTypeID() {
            return AbstractSettingsModelFileChooser.this.getModelTypeID();
        }

        @Override
        public String getConfigName() {
            return m_configName;
        }

        @Override
        public SettingsModel createClone() {
            return AbstractSettingsModelFileChooser.this.createClone();
        }

        @Override
        public void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
            loadForDialog(settings, specs);
        }

        @Override
        public void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
            NodeSettingsWO topLevel = settings.addNodeSettings(m_configName);
            m_fsConfig.saveSettingsForDialog(topLevel);
            m_filterModeModel.saveSettingsTo(topLevel);
            saveAdditionalSettingsForDialog(topLevel);
        }

        @Override
        public void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
            NodeSettingsRO topLevel = settings.getNodeSettings(m_configName);
            m_fsConfig.validateSettingsForModel(topLevel);
            m_filterModeModel.validateSettings(topLevel);
            validateAdditionalSettingsForModel(topLevel);
        }

        @Override
        public void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
            NodeSettingsRO topLevel = settings.getNodeSettings(m_configName);
            m_fsConfig.loadSettingsForModel(topLevel);
            m_filterModeModel.loadSettingsFrom(topLevel);
            loadAdditionalSettingsForModel(topLevel);
        }

        @Override
        public void saveSettingsForModel(final NodeSettingsWO settings) {
            NodeSettingsWO topLevel = settings.addNodeSettings(m_configName);
            m_fsConfig.saveSettingsForModel(topLevel);
            m_filterModeModel.saveSettingsTo(topLevel);
            saveAdditionalSettingsForModel(topLevel);
        }
    }
}
