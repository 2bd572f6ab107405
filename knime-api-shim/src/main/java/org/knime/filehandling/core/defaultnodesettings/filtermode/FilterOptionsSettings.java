/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filtermode;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.Config;
import org.knime.filehandling.core.defaultnodesettings.filtermode.FileAndFolderFilter.FilterType;

/**
 * The file and folder filter options of a file chooser (extension and name filters, hidden and special
 * files, links). Only the dialog's filter options panel changes them in KNIME (the setters are not public):
 * a node's model gets them from saved settings. By default nothing is filtered but hidden files and folders.
 */
public final class FilterOptionsSettings {
    private static final String CFG_FILES_FILTER_BY_EXTENSION = "filter_files_extension";
    private static final String CFG_FILES_EXTENSION_EXPRESSION = "files_extension_expression";
    private static final String CFG_FILES_EXTENSION_CASE_SENSITIVE = "files_extension_case_sensitive";
    private static final String CFG_FILES_FILTER_BY_NAME = "filter_files_name";
    private static final String CFG_FILES_NAME_EXPRESSION = "files_name_expression";
    private static final String CFG_FILES_NAME_CASE_SENSITIVE = "files_name_case_sensitive";
    private static final String CFG_FILES_NAME_FILTER_TYPE = "files_name_filter_type";
    private static final String CFG_INCLUDE_HIDDEN_FILES = "include_hidden_files";
    private static final String CFG_INCLUDE_SPECIAL_FILES = "include_special_files";
    private static final String CFG_FOLDERS_FILTER_BY_NAME = "filter_folders_name";
    private static final String CFG_FOLDERS_NAME_EXPRESSION = "folders_name_expression";
    private static final String CFG_FOLDERS_NAME_CASE_SENSITIVE = "folders_name_case_sensitive";
    private static final String CFG_FOLDERS_NAME_FILTER_TYPE = "folders_name_filter_type";
    private static final String CFG_INCLUDE_HIDDEN_FOLDERS = "include_hidden_folders";
    private static final String CFG_FOLLOW_LINKS = "follow_links";

    private static final String DEFAULT_NAME_EXPRESSION = "*";

    private boolean m_includeHiddenFiles = false;
    private boolean m_includeSpecialFiles = true;
    private boolean m_filterFilesByExtension = false;
    private String m_filesExtensionExpression = "";
    private boolean m_filesExtensionCaseSensitive = false;
    private boolean m_filterFilesByName = false;
    private String m_filesNameExpression = DEFAULT_NAME_EXPRESSION;
    private boolean m_filesNameCaseSensitive = false;
    private FilterType m_filesNameFilterType = FilterType.WILDCARD;
    private boolean m_includeHiddenFolders = false;
    private boolean m_filterFoldersByName = false;
    private String m_foldersNameExpression = DEFAULT_NAME_EXPRESSION;
    private boolean m_foldersNameCaseSensitive = false;
    private FilterType m_foldersNameFilterType = FilterType.WILDCARD;
    private boolean m_followLinks = true;

    FilterOptionsSettings() {
    }

    boolean isIncludeHiddenFiles() {
        return m_includeHiddenFiles;
    }

    boolean isIncludeSpecialFiles() {
        return m_includeSpecialFiles;
    }

    /** @param includeSpecialFiles true if special files (e.g. symbolic links and workflows) should be included */
    public void setIncludeSpecialFiles(final boolean includeSpecialFiles) {
        m_includeSpecialFiles = includeSpecialFiles;
    }

    boolean isFilterFilesByExtension() {
        return m_filterFilesByExtension;
    }

    String getFilesExtensionExpression() {
        return m_filesExtensionExpression;
    }

    boolean isFilesExtensionCaseSensitive() {
        return m_filesExtensionCaseSensitive;
    }

    boolean isFilterFilesByName() {
        return m_filterFilesByName;
    }

    String getFilesNameExpression() {
        return m_filesNameExpression;
    }

    public boolean isFilesNameCaseSensitive() {
        return m_filesNameCaseSensitive;
    }

    FilterType getFilesNameFilterType() {
        return m_filesNameFilterType;
    }

    boolean isIncludeHiddenFolders() {
        return m_includeHiddenFolders;
    }

    boolean isFilterFoldersByName() {
        return m_filterFoldersByName;
    }

    String getFoldersNameExpression() {
        return m_foldersNameExpression;
    }

    boolean isFoldersNameCaseSensitive() {
        return m_foldersNameCaseSensitive;
    }

    FilterType getFoldersNameFilterType() {
        return m_foldersNameFilterType;
    }

    public boolean isFollowLinks() {
        return m_followLinks;
    }

    public void setFollowLinks(final boolean followLinks) {
        m_followLinks = followLinks;
    }

    void saveToConfig(final Config config) {
        config.addBoolean(CFG_FILES_FILTER_BY_EXTENSION, m_filterFilesByExtension);
        config.addString(CFG_FILES_EXTENSION_EXPRESSION, m_filesExtensionExpression);
        config.addBoolean(CFG_FILES_EXTENSION_CASE_SENSITIVE, m_filesExtensionCaseSensitive);
        config.addBoolean(CFG_FILES_FILTER_BY_NAME, m_filterFilesByName);
        config.addString(CFG_FILES_NAME_EXPRESSION, m_filesNameExpression);
        config.addBoolean(CFG_FILES_NAME_CASE_SENSITIVE, m_filesNameCaseSensitive);
        config.addString(CFG_FILES_NAME_FILTER_TYPE, m_filesNameFilterType.name());
        config.addBoolean(CFG_INCLUDE_HIDDEN_FILES, m_includeHiddenFiles);
        config.addBoolean(CFG_INCLUDE_SPECIAL_FILES, m_includeSpecialFiles);
        config.addBoolean(CFG_FOLDERS_FILTER_BY_NAME, m_filterFoldersByName);
        config.addString(CFG_FOLDERS_NAME_EXPRESSION, m_foldersNameExpression);
        config.addBoolean(CFG_FOLDERS_NAME_CASE_SENSITIVE, m_foldersNameCaseSensitive);
        config.addString(CFG_FOLDERS_NAME_FILTER_TYPE, m_foldersNameFilterType.name());
        config.addBoolean(CFG_INCLUDE_HIDDEN_FOLDERS, m_includeHiddenFolders);
        config.addBoolean(CFG_FOLLOW_LINKS, m_followLinks);
    }

    /** Strict load; settings from before KNIME 4.3.3 (no special-files/links keys) keep that version's behaviour. */
    void loadFromConfigForModel(final Config config) throws InvalidSettingsException {
        m_filterFilesByExtension = config.getBoolean(CFG_FILES_FILTER_BY_EXTENSION);
        m_filesExtensionExpression = config.getString(CFG_FILES_EXTENSION_EXPRESSION);
        m_filesExtensionCaseSensitive = config.getBoolean(CFG_FILES_EXTENSION_CASE_SENSITIVE);
        m_filterFilesByName = config.getBoolean(CFG_FILES_FILTER_BY_NAME);
        m_filesNameExpression = config.getString(CFG_FILES_NAME_EXPRESSION);
        m_filesNameCaseSensitive = config.getBoolean(CFG_FILES_NAME_CASE_SENSITIVE);
        m_filesNameFilterType = filterType(config.getString(CFG_FILES_NAME_FILTER_TYPE));
        m_includeHiddenFiles = config.getBoolean(CFG_INCLUDE_HIDDEN_FILES);
        m_includeSpecialFiles = config.containsKey(CFG_INCLUDE_SPECIAL_FILES)
            ? config.getBoolean(CFG_INCLUDE_SPECIAL_FILES) : false;
        m_filterFoldersByName = config.getBoolean(CFG_FOLDERS_FILTER_BY_NAME);
        m_foldersNameExpression = config.getString(CFG_FOLDERS_NAME_EXPRESSION);
        m_foldersNameCaseSensitive = config.getBoolean(CFG_FOLDERS_NAME_CASE_SENSITIVE);
        m_foldersNameFilterType = filterType(config.getString(CFG_FOLDERS_NAME_FILTER_TYPE));
        m_includeHiddenFolders = config.getBoolean(CFG_INCLUDE_HIDDEN_FOLDERS);
        m_followLinks = config.containsKey(CFG_FOLLOW_LINKS) ? config.getBoolean(CFG_FOLLOW_LINKS) : false;
    }

    /** Lenient load: missing keys keep the current values. */
    void loadFromConfigForDialog(final Config config) {
        m_filterFilesByExtension = config.getBoolean(CFG_FILES_FILTER_BY_EXTENSION, m_filterFilesByExtension);
        m_filesExtensionExpression = config.getString(CFG_FILES_EXTENSION_EXPRESSION, m_filesExtensionExpression);
        m_filesExtensionCaseSensitive =
            config.getBoolean(CFG_FILES_EXTENSION_CASE_SENSITIVE, m_filesExtensionCaseSensitive);
        m_filterFilesByName = config.getBoolean(CFG_FILES_FILTER_BY_NAME, m_filterFilesByName);
        m_filesNameExpression = config.getString(CFG_FILES_NAME_EXPRESSION, m_filesNameExpression);
        m_filesNameCaseSensitive = config.getBoolean(CFG_FILES_NAME_CASE_SENSITIVE, m_filesNameCaseSensitive);
        m_filesNameFilterType =
            FilterType.valueOf(config.getString(CFG_FILES_NAME_FILTER_TYPE, m_filesNameFilterType.name()));
        m_includeHiddenFiles = config.getBoolean(CFG_INCLUDE_HIDDEN_FILES, m_includeHiddenFiles);
        m_includeSpecialFiles = config.containsKey(CFG_INCLUDE_SPECIAL_FILES)
            ? config.getBoolean(CFG_INCLUDE_SPECIAL_FILES, true) : false;
        m_filterFoldersByName = config.getBoolean(CFG_FOLDERS_FILTER_BY_NAME, m_filterFoldersByName);
        m_foldersNameExpression = config.getString(CFG_FOLDERS_NAME_EXPRESSION, m_foldersNameExpression);
        m_foldersNameCaseSensitive = config.getBoolean(CFG_FOLDERS_NAME_CASE_SENSITIVE, m_foldersNameCaseSensitive);
        m_foldersNameFilterType =
            FilterType.valueOf(config.getString(CFG_FOLDERS_NAME_FILTER_TYPE, m_foldersNameFilterType.name()));
        m_includeHiddenFolders = config.getBoolean(CFG_INCLUDE_HIDDEN_FOLDERS, m_includeHiddenFolders);
        m_followLinks = config.containsKey(CFG_FOLLOW_LINKS) ? config.getBoolean(CFG_FOLLOW_LINKS, true) : false;
    }

    static void validate(final Config config) throws InvalidSettingsException {
        config.getBoolean(CFG_FILES_FILTER_BY_EXTENSION);
        config.getString(CFG_FILES_EXTENSION_EXPRESSION);
        config.getBoolean(CFG_FILES_EXTENSION_CASE_SENSITIVE);
        config.getBoolean(CFG_FILES_FILTER_BY_NAME);
        config.getString(CFG_FILES_NAME_EXPRESSION);
        config.getBoolean(CFG_FILES_NAME_CASE_SENSITIVE);
        filterType(config.getString(CFG_FILES_NAME_FILTER_TYPE));
        config.getBoolean(CFG_INCLUDE_HIDDEN_FILES);
        if (config.containsKey(CFG_INCLUDE_SPECIAL_FILES)) {
            config.getBoolean(CFG_INCLUDE_SPECIAL_FILES);
        }
        config.getBoolean(CFG_FOLDERS_FILTER_BY_NAME);
        config.getString(CFG_FOLDERS_NAME_EXPRESSION);
        config.getBoolean(CFG_FOLDERS_NAME_CASE_SENSITIVE);
        filterType(config.getString(CFG_FOLDERS_NAME_FILTER_TYPE));
        config.getBoolean(CFG_INCLUDE_HIDDEN_FOLDERS);
        if (config.containsKey(CFG_FOLLOW_LINKS)) {
            config.getBoolean(CFG_FOLLOW_LINKS);
        }
    }

    private static FilterType filterType(final String name) throws InvalidSettingsException {
        if (!FilterType.contains(name)) {
            throw new InvalidSettingsException("'" + name + "' is not a valid filter mode.");
        }
        return FilterType.valueOf(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_filesExtensionCaseSensitive, m_filesExtensionExpression, m_filesNameCaseSensitive,
            m_filesNameExpression, m_filesNameFilterType, m_filterFilesByExtension, m_filterFilesByName,
            m_filterFoldersByName, m_foldersNameCaseSensitive, m_foldersNameExpression, m_foldersNameFilterType,
            m_includeHiddenFiles, m_includeHiddenFolders, m_includeSpecialFiles, m_followLinks);
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof FilterOptionsSettings)) {
            return false;
        }
        FilterOptionsSettings o = (FilterOptionsSettings)obj;
        return m_includeHiddenFiles == o.m_includeHiddenFiles && m_includeSpecialFiles == o.m_includeSpecialFiles
            && m_filesNameCaseSensitive == o.m_filesNameCaseSensitive && m_filesNameFilterType == o.m_filesNameFilterType
            && m_filterFilesByExtension == o.m_filterFilesByExtension && m_filterFilesByName == o.m_filterFilesByName
            && m_filesExtensionCaseSensitive == o.m_filesExtensionCaseSensitive
            && Objects.equals(m_filesNameExpression, o.m_filesNameExpression)
            && Objects.equals(m_filesExtensionExpression, o.m_filesExtensionExpression)
            && m_foldersNameFilterType == o.m_foldersNameFilterType && m_followLinks == o.m_followLinks
            && m_includeHiddenFolders == o.m_includeHiddenFolders && m_filterFoldersByName == o.m_filterFoldersByName
            && m_foldersNameCaseSensitive == o.m_foldersNameCaseSensitive
            && Objects.equals(m_foldersNameExpression, o.m_foldersNameExpression);
    }
}
