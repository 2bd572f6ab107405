/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filtermode;

import java.util.Optional;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.ShimSettingsModelHooks;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ButtonGroupEnumInterface;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.mrisr.knimeshim.ShimChecks;

/**
 * The filter mode of a file chooser (file, folder, files in folder, ...) with "include subfolders" and the
 * filter options. Saved under its config name as "filter_mode" (only if there is a choice), and
 * "include_subfolders" plus "filter_options" (only if a supported mode walks folders).
 */
public final class SettingsModelFilterMode extends SettingsModel {
    private static final String CFG_FILTER_MODE = "filter_mode";
    private static final String CFG_INCLUDE_SUBFOLDERS = "include_subfolders";
    private static final String CFG_FILTER_OPTIONS = "filter_options";
    private static final boolean DEFAULT_INCLUDE_SUBFOLDERS = false;

    private final String m_configName;
    private final EnumConfig<FilterMode> m_filterModeConfig;
    private final boolean m_supportsMultipleFilterModes;
    private final boolean m_filterOptionsNeeded;
    private FilterMode m_filterMode;
    private boolean m_includeSubfolders;
    private FilterOptionsSettings m_filterOptionsSettings;

    public SettingsModelFilterMode(final String configName, final EnumConfig<FilterMode> filterModeConfig) {
        this(configName, filterModeConfig, DEFAULT_INCLUDE_SUBFOLDERS);
    }

    public SettingsModelFilterMode(final String configName, final EnumConfig<FilterMode> filterModeConfig,
        final boolean defaultIncludeSubfolders) {
        ShimChecks.checkArgumentNotNull(configName, "The config name must not be null.");
        ShimChecks.checkArgument(!configName.trim().isEmpty(), "The config name must not be empty.");
        ShimChecks.checkArgumentNotNull(filterModeConfig, "The filter mode config must not be null.");
        m_configName = configName;
        m_filterModeConfig = filterModeConfig;
        m_filterMode = filterModeConfig.getDefaultValue();
        m_includeSubfolders = defaultIncludeSubfolders;
        m_filterOptionsSettings = new FilterOptionsSettings();
        m_filterOptionsNeeded = filterModeConfig.stream().anyMatch(FilterMode::hasFilterOptions);
        m_supportsMultipleFilterModes = filterModeConfig.getNumberOfSupportedValues() > 1;
        ShimSettingsModelHooks.bind(this, new Hooks());
    }

    private SettingsModelFilterMode(final SettingsModelFilterMode toCopy) {
        m_configName = toCopy.m_configName;
        m_filterModeConfig = toCopy.m_filterModeConfig;
        m_filterMode = toCopy.m_filterMode;
        m_includeSubfolders = toCopy.m_includeSubfolders;
        m_filterOptionsSettings = toCopy.m_filterOptionsSettings;
        m_filterOptionsNeeded = toCopy.m_filterOptionsNeeded;
        m_supportsMultipleFilterModes = toCopy.m_supportsMultipleFilterModes;
        ShimSettingsModelHooks.bind(this, new Hooks());
    }

    public FilterMode getFilterMode() {
        return m_filterMode;
    }

    public boolean isSupported(final FilterMode mode) {
        return m_filterModeConfig.isSupported(mode);
    }

    public int getNumberOfSupportedFilterModes() {
        return m_filterModeConfig.getNumberOfSupportedValues();
    }

    public void setFilterMode(final FilterMode filterMode) {
        ShimChecks.checkArgumentNotNull(filterMode, "The filter mode must not be null.");
        boolean notify = m_filterMode != filterMode;
        m_filterMode = filterMode;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public FilterOptionsSettings getFilterOptionsSettings() {
        return m_filterOptionsSettings;
    }

    public void setFilterOptionsSettings(final FilterOptionsSettings filterOptionsSettings) {
        ShimChecks.checkArgumentNotNull(filterOptionsSettings, "The filter options settings must not be null.");
        boolean notify = !m_filterOptionsSettings.equals(filterOptionsSettings);
        m_filterOptionsSettings = filterOptionsSettings;
        if (notify) {
            notifyChangeListeners();
        }
    }

    public boolean isIncludeSubfolders() {
        return m_includeSubfolders;
    }

    public boolean isFollowLinks() {
        return m_filterOptionsSettings.isFollowLinks();
    }

    public void setIncludeSubfolders(final boolean includeSubfolders) {
        boolean notify = m_includeSubfolders != includeSubfolders;
        m_includeSubfolders = includeSubfolders;
        if (notify) {
            notifyChangeListeners();
        }
    }

    @SuppressWarnings("unchecked")
    public SettingsModelFilterMode createClone() {
        return new SettingsModelFilterMode(this);
    }

    /** Lenient load: what cannot be read keeps its current value. */
    public void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        if (!hasSettings()) {
            return;
        }
        try {
            NodeSettingsRO s = settings.getNodeSettings(m_configName);
            FilterMode loaded = parse(s.getString(CFG_FILTER_MODE, m_filterMode.name())).orElse(m_filterMode);
            m_filterMode = m_filterModeConfig.isSupported(loaded) ? loaded : m_filterMode;
            m_includeSubfolders = s.getBoolean(CFG_INCLUDE_SUBFOLDERS, DEFAULT_INCLUDE_SUBFOLDERS);
            if (m_filterOptionsNeeded) {
                m_filterOptionsSettings.loadFromConfigForDialog(s.getConfig(CFG_FILTER_OPTIONS));
            }
            notifyChangeListeners();
        } catch (InvalidSettingsException ex) { // NOSONAR as KNIME: nothing to load
        }
    }

    private void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (!hasSettings()) {
            return;
        }
        NodeSettingsRO s = settings.getNodeSettings(m_configName);
        if (m_supportsMultipleFilterModes) {
            String name = s.getString(CFG_FILTER_MODE);
            FilterMode mode = parse(name).orElseThrow(() -> invalid(name));
            ShimChecks.checkSetting(m_filterModeConfig.isSupported(mode),
                "The filter mode %s is not supported by this node.", mode);
        }
        if (m_filterOptionsNeeded) {
            s.getBoolean(CFG_INCLUDE_SUBFOLDERS);
            FilterOptionsSettings.validate(s.getConfig(CFG_FILTER_OPTIONS));
        }
    }

    private void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (!hasSettings()) {
            return;
        }
        NodeSettingsRO s = settings.getNodeSettings(m_configName);
        if (m_supportsMultipleFilterModes) {
            String name = s.getString(CFG_FILTER_MODE);
            m_filterMode = parse(name).orElseThrow(() -> invalid(name));
        }
        if (m_filterOptionsNeeded) {
            m_includeSubfolders = s.getBoolean(CFG_INCLUDE_SUBFOLDERS);
            m_filterOptionsSettings.loadFromConfigForModel(s.getConfig(CFG_FILTER_OPTIONS));
        }
    }

    private void save(final NodeSettingsWO settings) {
        if (!hasSettings()) {
            return;
        }
        NodeSettingsWO s = settings.addNodeSettings(m_configName);
        if (m_supportsMultipleFilterModes) {
            s.addString(CFG_FILTER_MODE, m_filterMode.name());
        }
        if (m_filterOptionsNeeded) {
            s.addBoolean(CFG_INCLUDE_SUBFOLDERS, m_includeSubfolders);
            m_filterOptionsSettings.saveToConfig(s.addConfig(CFG_FILTER_OPTIONS));
        }
    }

    private boolean hasSettings() {
        return m_filterOptionsNeeded || m_supportsMultipleFilterModes;
    }

    private static InvalidSettingsException invalid(final String name) {
        return new InvalidSettingsException(String.format("The provided string '%s' does not encode a FilterMode.", name));
    }

    private static Optional<FilterMode> parse(final String name) {
        try {
            return Optional.of(FilterMode.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException ex) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    /** KNIME's protected SettingsModel methods of this model. */
    private final class Hooks implements ShimSettingsModelHooks {
        @Override
        public String getModelTypeID() {
            return "SMID_FilterMode";
        }

        @Override
        public String getConfigName() {
            return m_configName;
        }

        @Override
        public SettingsModel createClone() {
            return SettingsModelFilterMode.this.createClone();
        }

        @Override
        public void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
            SettingsModelFilterMode.this.loadSettingsForDialog(settings, specs);
        }

        @Override
        public void saveSettingsForDialog(final NodeSettingsWO settings) {
            save(settings);
        }

        @Override
        public void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
            validate(settings);
        }

        @Override
        public void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
            load(settings);
        }

        @Override
        public void saveSettingsForModel(final NodeSettingsWO settings) {
            save(settings);
        }
    }

    /** What a file chooser selects: one file or folder, or the files and/or folders in a folder. */
    public enum FilterMode implements ButtonGroupEnumInterface {
        /** One file. */
        FILE("File", "file", false),
        /** One folder. */
        FOLDER("Folder", "folder", false),
        /** The files in a folder (and its subfolders if included). */
        FILES_IN_FOLDERS("Files in folder", "folder", true),
        /** The folders in a folder. */
        FOLDERS("Folders", "folder", true),
        /** The files and folders in a folder. */
        FILES_AND_FOLDERS("Files and folders", "folder", true),
        /** One workflow. */
        WORKFLOW("Workflow", "workflow", false);

        private final String m_label;
        private final String m_textLabel;
        private final boolean m_hasFilterOptions;

        FilterMode(final String label, final String textLabel, final boolean hasFilterOptions) {
            m_label = label;
            m_textLabel = textLabel;
            m_hasFilterOptions = hasFilterOptions;
        }

        @Override
        public String getText() {
            return m_label;
        }

        @Override
        public String getActionCommand() {
            return name();
        }

        @Override
        public String getToolTip() {
            return null;
        }

        @Override
        public boolean isDefault() {
            return this == FILE;
        }

        /** For messages such as "Please specify a file": singular, lower case. */
        public String getTextLabel() {
            return m_textLabel;
        }

        boolean hasFilterOptions() {
            return m_hasFilterOptions;
        }
    }
}
