/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.writer;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractSettingsModelFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.knimeshim.ShimChecks;

/**
 * The file chooser settings of a writer node: adds "create_missing_folders" and, if there is a choice of
 * more than one policy, the overwrite policy as its text under "if_path_exists".
 */
public final class SettingsModelWriterFileChooser
    extends AbstractSettingsModelFileChooser<SettingsModelWriterFileChooser> {
    private static final String CFG_CREATE_MISSING_FOLDERS = "create_missing_folders";
    private static final String CFG_FILE_OVERWRITE_POLICY = "if_path_exists";

    private final EnumConfig<FileOverwritePolicy> m_overwritePolicyConfig;
    private FileOverwritePolicy m_selectedPolicy;
    private boolean m_createMissingFolders = false;

    /** @throws IllegalArgumentException if CUSTOM_URL is offered but FILE is not */
    public SettingsModelWriterFileChooser(final String configName, final PortsConfiguration portsConfig,
        final String fileSystemPortIdentifier, final EnumConfig<FilterMode> filterModeConfig,
        final EnumConfig<FileOverwritePolicy> overwritePolicyConfig, final Set<FSCategory> convenienceFS,
        final String... fileExtensions) {
        super(configName, portsConfig, fileSystemPortIdentifier, filterModeConfig, convenienceFS, fileExtensions);
        checkFilterModesSupportedByAllFileSystems();
        m_overwritePolicyConfig = overwritePolicyConfig;
        m_selectedPolicy = overwritePolicyConfig.getDefaultValue();
    }

    /** Offers every convenience file system. */
    public SettingsModelWriterFileChooser(final String configName, final PortsConfiguration portsConfig,
        final String fileSystemPortIdentifier, final EnumConfig<FilterMode> filterModeConfig,
        final EnumConfig<FileOverwritePolicy> overwritePolicyConfig, final String... fileExtensions) {
        this(configName, portsConfig, fileSystemPortIdentifier, filterModeConfig, overwritePolicyConfig,
            EnumSet.allOf(FSCategory.class), fileExtensions);
    }

    private SettingsModelWriterFileChooser(final SettingsModelWriterFileChooser toCopy) {
        super(toCopy);
        m_selectedPolicy = toCopy.m_selectedPolicy;
        m_createMissingFolders = toCopy.m_createMissingFolders;
        m_overwritePolicyConfig = toCopy.m_overwritePolicyConfig;
    }

    /** An accessor of the output path; close it when done. */
    public WritePathAccessor createWritePathAccessor() {
        return createPathAccessor();
    }

    public Set<FileOverwritePolicy> getSupportedPolicies() {
        return m_overwritePolicyConfig.getSupportedValues();
    }

    public FileOverwritePolicy getFileOverwritePolicy() {
        return m_selectedPolicy;
    }

    /** @throws IllegalArgumentException if the policy is not supported */
    public void setFileOverwritePolicy(final FileOverwritePolicy policy) {
        ShimChecks.checkArgument(m_overwritePolicyConfig.isSupported(policy),
            "The policy '%s' is not supported by this node.", policy);
        if (policy != m_selectedPolicy) {
            m_selectedPolicy = policy;
            notifyChangeListeners();
        }
    }

    /** Whether missing folders are to be created (never for a custom URL). */
    public boolean isCreateMissingFolders() {
        return m_createMissingFolders && getLocation().getFSCategory() != FSCategory.CUSTOM_URL;
    }

    /** The flag as set (the dialog shows it even for a custom URL, where it has no effect). */
    boolean isCreateMissingFoldersUI() {
        return m_createMissingFolders;
    }

    public void setCreateMissingFolders(final boolean createMissingFolders) {
        if (m_createMissingFolders != createMissingFolders) {
            m_createMissingFolders = createMissingFolders;
            notifyChangeListeners();
        }
    }

    /** Whether more than one policy is supported (only then is the policy saved). */
    public boolean hasPolicyChoice() {
        return m_overwritePolicyConfig.getNumberOfSupportedValues() > 1;
    }

    @Override
    protected void loadAdditionalSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        setCreateMissingFolders(settings.getBoolean(CFG_CREATE_MISSING_FOLDERS, false));
        if (hasPolicyChoice()) {
            FileOverwritePolicy def = m_overwritePolicyConfig.getDefaultValue();
            setFileOverwritePolicy(policyOf(settings.getString(CFG_FILE_OVERWRITE_POLICY, def.getText())).orElse(def));
        }
    }

    @Override
    protected void saveAdditionalSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveAdditionalSettingsForModel(settings);
    }

    @Override
    protected void validateAdditionalSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getBoolean(CFG_CREATE_MISSING_FOLDERS);
        if (hasPolicyChoice()) {
            loadPolicy(settings);
        }
    }

    @Override
    protected void loadAdditionalSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        setCreateMissingFolders(settings.getBoolean(CFG_CREATE_MISSING_FOLDERS));
        if (hasPolicyChoice()) {
            setFileOverwritePolicy(loadPolicy(settings));
        }
    }

    @Override
    protected void saveAdditionalSettingsForModel(final NodeSettingsWO settings) {
        settings.addBoolean(CFG_CREATE_MISSING_FOLDERS, m_createMissingFolders);
        if (hasPolicyChoice()) {
            settings.addString(CFG_FILE_OVERWRITE_POLICY, m_selectedPolicy.getText());
        }
    }

    private FileOverwritePolicy loadPolicy(final NodeSettingsRO settings) throws InvalidSettingsException {
        String text = settings.getString(CFG_FILE_OVERWRITE_POLICY);
        return policyOf(text).orElseThrow(() -> new InvalidSettingsException(
            String.format("The file overwrite policy '%s' is not supported by this node.", text)));
    }

    private Optional<FileOverwritePolicy> policyOf(final String text) {
        return m_overwritePolicyConfig.stream().filter(p -> p.getText().equals(text)).findAny();
    }

    @Override
    public SettingsModelWriterFileChooser createClone() {
        return new SettingsModelWriterFileChooser(this);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_WriterFileChooser";
    }
}
