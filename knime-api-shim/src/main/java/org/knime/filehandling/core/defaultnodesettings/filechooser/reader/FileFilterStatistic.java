/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.reader;

/** How many files and folders the last listing visited and filtered out (hidden and special ones excluded). */
public final class FileFilterStatistic {
    private final int m_filteredFiles;
    private final int m_visitedFiles;
    private final int m_filteredFolders;
    private final int m_visitedFolders;

    public FileFilterStatistic(final int filteredFiles, final int filteredHiddenFiles, final int filteredSpecialFiles,
        final int visitedFiles, final int filteredFolders, final int filteredHiddenFolders, final int visitedFolders) {
        m_filteredFiles = filteredFiles;
        m_visitedFiles = visitedFiles - filteredHiddenFiles - filteredSpecialFiles;
        m_filteredFolders = filteredFolders;
        m_visitedFolders = visitedFolders - filteredHiddenFolders;
    }

    public int getFilteredFiles() {
        return m_filteredFiles;
    }

    public int getIncludedFiles() {
        return m_visitedFiles - m_filteredFiles;
    }

    public int getVisitedFiles() {
        return m_visitedFiles;
    }

    public int getFilteredFolders() {
        return m_filteredFolders;
    }

    public int getIncludedFolders() {
        return m_visitedFolders - m_filteredFolders;
    }

    public int getVisitedFolders() {
        return m_visitedFolders;
    }
}
