/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.knime.core.node.InvalidSettingsException;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSFileSystem;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.FileFilterStatistic;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.ReadPathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.WritePathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filtermode.FileAndFolderFilter;
import org.knime.filehandling.core.defaultnodesettings.filtermode.FilterOptionsSettings;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.DefaultStatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.mrisr.knimeshim.ShimChecks;
import org.mrisr.knimeshim.fs.ShimFileSystems;

/**
 * The paths of a file chooser's settings at the time it was created. The file system is opened at the first
 * call: the port's connection if the node has one, else a new connection for the location's convenience file
 * system, which {@link #close()} closes again. (KNIME's class extends AbstractFileChooserPathAccessor,
 * omitted here.)
 */
public final class FileChooserPathAccessor implements ReadPathAccessor, WritePathAccessor {
    private final FSLocation m_rootLocation;
    private final Optional<FSConnection> m_portObjectConnection;
    private final FilterMode m_filterMode;
    private final boolean m_includeSubfolders;
    private final boolean m_followLinks;
    private final FilterOptionsSettings m_filterOptions;
    private FSConnection m_connection;
    private FSFileSystem<?> m_fileSystem;
    private FileFilterStatistic m_statistic;

    /** Validates nothing yet: the settings are checked by getOutputPath and getFSPaths. */
    public FileChooserPathAccessor(final AbstractSettingsModelFileChooser<?> settings,
        final Optional<FSConnection> portObjectConnection) { // NOSONAR as KNIME's
        m_rootLocation = settings.getLocation();
        m_portObjectConnection = portObjectConnection;
        m_filterMode = settings.getFilterModeModel().getFilterMode();
        m_includeSubfolders = settings.getFilterModeModel().isIncludeSubfolders();
        m_followLinks = settings.getFilterModeModel().isFollowLinks();
        m_filterOptions = settings.getFilterModeModel().getFilterOptionsSettings();
    }

    private void initializeFileSystem() {
        if (m_connection == null) {
            m_connection = m_portObjectConnection.isPresent() ? m_portObjectConnection.get() : convenienceConnection();
            m_fileSystem = m_connection.getFileSystem();
        }
    }

    private FSConnection convenienceConnection() {
        if (m_rootLocation.getFSCategory() == FSCategory.CONNECTED) {
            throw new IllegalStateException("No file system connection available. Execute connector node.");
        }
        return ShimFileSystems.forLocation(m_rootLocation);
    }

    @Override
    public FSPath getOutputPath(final Consumer<StatusMessage> statusMessageConsumer) throws InvalidSettingsException {
        ShimChecks.checkArgumentNotNull(statusMessageConsumer, "The statusMessageConsumer must not be null.");
        initializeFileSystem();
        try {
            m_fileSystem.checkCompatibility(m_rootLocation);
        } catch (RuntimeException ex) { // NOSONAR as KNIME: reported, not thrown
            statusMessageConsumer.accept(new DefaultStatusMessage(MessageType.ERROR, ex.getMessage()));
        }
        if (m_portObjectConnection.isPresent()) {
            return m_fileSystem.getPath(m_rootLocation);
        }
        switch (m_rootLocation.getFSCategory()) {
            case CONNECTED:
                throw new IllegalStateException("The file system is not connected.");
            case CUSTOM_URL:
                validateCustomUrl(m_rootLocation);
                return m_fileSystem.getPath(m_rootLocation);
            case RELATIVE:
                FSPath path = m_fileSystem.getPath(m_rootLocation);
                ShimChecks.checkSetting(!path.isAbsolute(), "The path must be relative.");
                return path;
            default:
                return m_fileSystem.getPath(m_rootLocation);
        }
    }

    /** KNIME's ValidationUtils.validateCustomURLLocation. */
    private static void validateCustomUrl(final FSLocation location) throws InvalidSettingsException {
        ShimChecks.checkSetting(location.getFileSystemSpecifier().isPresent(),
            "No timeout specified for custom URL file system.");
        URI uri = URI.create(location.getPath().replace(" ", "%20"));
        ShimChecks.checkSetting(uri.isAbsolute(), "URL must start with a scheme, e.g. http:");
        ShimChecks.checkSetting(!uri.isOpaque(), "URL must have forward slash ('/') after scheme, e.g. http://");
        ShimChecks.checkSetting(uri.getPath() != null, "URL must specify a path, as in https://host/path/to/file");
    }

    @Override
    public List<FSPath> getFSPaths(final Consumer<StatusMessage> statusMessageConsumer)
        throws IOException, InvalidSettingsException {
        FSPath root = getRootPath(statusMessageConsumer);
        if (m_filterMode == FilterMode.FILE || m_filterMode == FilterMode.FOLDER || m_filterMode == FilterMode.WORKFLOW) {
            return single(root);
        }
        List<FSPath> paths = walk(root);
        FSFiles.sortPathsLexicographically(paths);
        return paths;
    }

    private List<FSPath> single(final FSPath root) throws IOException, InvalidSettingsException {
        BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class);
        if (m_filterMode == FilterMode.FOLDER) {
            ShimChecks.checkSetting(attrs.isDirectory(), "%s is not a folder. Please specify a folder.", root);
            m_statistic = new FileFilterStatistic(0, 0, 0, 0, 0, 0, 1);
        } else {
            String label = m_filterMode.getTextLabel();
            ShimChecks.checkSetting(!root.toString().trim().isEmpty(), "Please specify a " + label + ".");
            ShimChecks.checkSetting(!attrs.isDirectory(), "%s is a folder. Please specify a " + label + ".", root);
            m_statistic = new FileFilterStatistic(0, 0, 0, 1, 0, 0, 0);
        }
        return Collections.singletonList(root);
    }

    private List<FSPath> walk(final FSPath root) throws IOException, InvalidSettingsException {
        BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class);
        ShimChecks.checkSetting(attrs.isDirectory(), "%s is not a folder. Please specify a folder.", root);
        FileAndFolderFilter filter = new FileAndFolderFilter(root, m_filterOptions);
        FilterVisitor visitor;
        switch (m_filterMode) {
            case FILES_AND_FOLDERS:
                visitor = new FilterVisitor(filter, true, true, m_includeSubfolders);
                break;
            case FILES_IN_FOLDERS:
                visitor = new FilterVisitor(filter, true, false, m_includeSubfolders);
                break;
            case FOLDERS:
                visitor = new FilterVisitor(filter, false, true, m_includeSubfolders);
                break;
            default:
                throw new IllegalStateException("Unknown filter mode: " + m_filterMode);
        }
        EnumSet<FileVisitOption> options =
            m_followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, options, m_includeSubfolders ? Integer.MAX_VALUE : 1, visitor);
        m_statistic = visitor.getFileFilterStatistic();
        List<FSPath> paths = new ArrayList<>();
        for (Path p : visitor.getPaths()) {
            paths.add((FSPath)p);
        }
        return paths;
    }

    @Override
    public FileFilterStatistic getFileFilterStatistic() {
        ShimChecks.checkState(m_statistic != null, "No statistic available. Call getFSPaths() or getPaths() first.");
        return m_statistic;
    }

    @Override
    public FSPath getRootPath(final Consumer<StatusMessage> statusMessageConsumer)
        throws IOException, InvalidSettingsException {
        String label = m_filterMode.getTextLabel();
        ShimChecks.checkSetting(!m_rootLocation.getPath().trim().isEmpty(),
            String.format(AbstractSettingsModelFileChooser.NO_LOCATION_ERROR, label));
        FSPath root = getOutputPath(statusMessageConsumer);
        ShimChecks.checkSetting(FSFiles.exists(root), "The specified %s %s does not exist.", label, root);
        if (!Files.isReadable(root)) {
            throw new AccessDeniedException(root.toString(), null, "Unable to access") {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    return getReason() + " " + getFile(); // KNIME's wording
                }
            };
        }
        return root;
    }

    /** Closes the file system of a convenience location (a port's connection cannot be closed by a node). */
    @Override
    public void close() throws IOException {
        if (m_fileSystem != null) {
            m_fileSystem.close();
            m_connection.close();
        }
    }
}
