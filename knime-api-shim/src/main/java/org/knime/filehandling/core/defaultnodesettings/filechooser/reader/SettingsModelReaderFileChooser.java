/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.reader;

import java.util.EnumSet;
import java.util.Set;

import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractSettingsModelFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;

/**
 * The file chooser settings of a reader node. For the path string only, use {@link #getLocation()} (no I/O);
 * for the files, {@link #createReadPathAccessor()}. (KNIME's class also implements the table reader
 * framework's PathSettings, omitted here.)
 */
public final class SettingsModelReaderFileChooser
    extends AbstractSettingsModelFileChooser<SettingsModelReaderFileChooser> {

    /** @throws IllegalArgumentException if CUSTOM_URL is offered but FILE is not */
    public SettingsModelReaderFileChooser(final String configName, final PortsConfiguration portsConfig,
        final String fileSystemPortIdentifier, final EnumConfig<FilterMode> filterModeConfig,
        final Set<FSCategory> convenienceFS, final String... fileExtensions) {
        super(configName, portsConfig, fileSystemPortIdentifier, filterModeConfig, convenienceFS, fileExtensions);
        checkFilterModesSupportedByAllFileSystems();
    }

    /** Offers every convenience file system. */
    public SettingsModelReaderFileChooser(final String configName, final PortsConfiguration portsConfig,
        final String fileSystemPortIdentifier, final EnumConfig<FilterMode> filterModeConfig,
        final String... fileExtensions) {
        this(configName, portsConfig, fileSystemPortIdentifier, filterModeConfig, EnumSet.allOf(FSCategory.class),
            fileExtensions);
    }

    private SettingsModelReaderFileChooser(final SettingsModelReaderFileChooser toCopy) {
        super(toCopy);
    }

    /** An accessor of the selected paths; close it when done. */
    public ReadPathAccessor createReadPathAccessor() {
        return super.createPathAccessor();
    }

    @Override
    public SettingsModelReaderFileChooser createClone() {
        return new SettingsModelReaderFileChooser(this);
    }

    /** The location's path string. */
    public String getPath() {
        return getLocation().getPath();
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_ReaderFileChooser";
    }
}
