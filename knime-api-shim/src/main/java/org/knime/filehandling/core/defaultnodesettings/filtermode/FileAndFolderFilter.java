/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filtermode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * Tests files and folders against {@link FilterOptionsSettings} and counts what it filtered out. Extensions
 * are separated by ';', ',' or '|' and get a leading dot if they lack one; name filters are wildcards ('*',
 * '?') or regular expressions matched against the whole name (folders: the path relative to the root).
 */
public final class FileAndFolderFilter implements BiPredicate<Path, BasicFileAttributes> {
    private static final Pattern SPLIT_FILE_EXTENSIONS = Pattern.compile("[;,|]");

    /** How a name expression is read. */
    enum FilterType implements ButtonGroupEnumInterface {
        WILDCARD("Wildcard", "Only files/folders with names containing the wildcard pass this filter."),
        REGEX("Regular expression", "Only files/folders with names that match the regex pass this filter.");

        private final String m_text;
        private final String m_description;

        FilterType(final String text, final String description) {
            m_text = text;
            m_description = description;
        }

        static boolean contains(final String filterType) {
            return Arrays.stream(values()).anyMatch(f -> f.name().equals(filterType));
        }

        @Override
        public String getText() {
            return m_text;
        }

        @Override
        public String getActionCommand() {
            return name();
        }

        @Override
        public String getToolTip() {
            return m_description;
        }

        @Override
        public boolean isDefault() {
            return this == WILDCARD;
        }
    }

    private final FilterOptionsSettings m_settings;
    private final List<String> m_extensions;
    private final Pattern m_fileName;
    private final Pattern m_folderName;
    private final Path m_rootPath;
    private int m_filteredFiles;
    private int m_filteredFolders;
    private int m_filteredHiddenFiles;
    private int m_filteredSpecialFiles;
    private int m_filteredHiddenFolders;

    public FileAndFolderFilter(final Path rootPath, final FilterOptionsSettings filterOptionsSettings) {
        m_rootPath = rootPath;
        m_settings = filterOptionsSettings;
        m_extensions = Arrays.stream(SPLIT_FILE_EXTENSIONS.split(m_settings.getFilesExtensionExpression()))
            .map(String::trim).map(ex -> ex.startsWith(".") ? ex : ("." + ex)).collect(Collectors.toList());
        m_fileName = regex(m_settings.getFilesNameFilterType(), m_settings.getFilesNameExpression(),
            m_settings.isFilesNameCaseSensitive());
        m_folderName = regex(m_settings.getFoldersNameFilterType(), m_settings.getFoldersNameExpression(),
            m_settings.isFoldersNameCaseSensitive());
    }

    private static Pattern regex(final FilterType type, final String expression, final boolean caseSensitive) {
        String regex = type == FilterType.WILDCARD ? wildcardToRegex(expression) : expression;
        return caseSensitive ? Pattern.compile(regex) : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** '*' any sequence, '?' any one character, everything else literal. */
    private static String wildcardToRegex(final String wildcard) {
        StringBuilder b = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    @Override
    public boolean test(final Path path, final BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return folderVisible(path, true) && folderNameMatches(path, true);
        }
        return fileVisible(path) && specialAllowed(attrs) && extensionMatches(path) && fileNameMatches(path);
    }

    /** Whether files directly in the folder can pass (folder name filter). */
    public boolean testFolderName(final Path folder) {
        return folderNameMatches(folder, false);
    }

    /** Whether to walk into the folder (hidden folders are skipped unless included). */
    public boolean visitFolder(final Path folder) {
        return folderVisible(folder, false);
    }

    private boolean fileVisible(final Path path) {
        try {
            boolean accept = m_settings.isIncludeHiddenFiles() || !Files.isHidden(path);
            if (!accept) {
                m_filteredHiddenFiles++;
            }
            return accept;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean specialAllowed(final BasicFileAttributes attrs) {
        boolean accept = m_settings.isIncludeSpecialFiles() || attrs.isRegularFile();
        if (!accept) {
            m_filteredSpecialFiles++;
        }
        return accept;
    }

    private boolean folderVisible(final Path path, final boolean count) {
        try {
            boolean accept = m_settings.isIncludeHiddenFolders() || !Files.isHidden(path);
            if (count && !accept) {
                m_filteredHiddenFolders++;
            }
            return accept;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean extensionMatches(final Path path) {
        if (!m_settings.isFilterFilesByExtension()) {
            return true;
        }
        String name = path.getFileName().toString();
        boolean accept = m_settings.isFilesExtensionCaseSensitive() ? m_extensions.stream().anyMatch(name::endsWith)
            : m_extensions.stream().anyMatch(
                ext -> name.toLowerCase(Locale.ROOT).endsWith(ext.toLowerCase(Locale.ROOT)));
        if (!accept) {
            m_filteredFiles++;
        }
        return accept;
    }

    private boolean fileNameMatches(final Path path) {
        if (!m_settings.isFilterFilesByName()) {
            return true;
        }
        boolean accept = m_fileName.matcher(path.getFileName().toString()).matches();
        if (!accept) {
            m_filteredFiles++;
        }
        return accept;
    }

    private boolean folderNameMatches(final Path path, final boolean count) {
        if (!m_settings.isFilterFoldersByName()) {
            return true;
        }
        boolean accept = m_folderName.matcher(m_rootPath.relativize(path).toString()).matches();
        if (count && !accept) {
            m_filteredFolders++;
        }
        return accept;
    }

    public int getNumberOfFilteredFiles() {
        return m_filteredFiles;
    }

    public int getNumberOfFilteredFolders() {
        return m_filteredFolders;
    }

    public int getNumberOfFilteredHiddenFiles() {
        return m_filteredHiddenFiles;
    }

    public int getNumberOfFilteredSpecialFiles() {
        return m_filteredSpecialFiles;
    }

    public int getNumberOfFilteredHiddenFolders() {
        return m_filteredHiddenFolders;
    }

    /** Resets the counts of filtered files and folders. */
    public void resetCounter() {
        m_filteredFiles = 0;
        m_filteredFolders = 0;
    }
}
