/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.FileFilterStatistic;
import org.knime.filehandling.core.defaultnodesettings.filtermode.FileAndFolderFilter;

/**
 * Walks a folder and keeps the files and/or folders the filter accepts. Files count as files when regular
 * or "other" (e.g. a workflow); a folder the filter hides is not entered; files only count in folders whose
 * name passes the folder filter. The root itself is never kept.
 */
final class FilterVisitor extends SimpleFileVisitor<Path> {
    private final FileAndFolderFilter m_filter;
    private final boolean m_includeFiles;
    private final boolean m_includeFolders;
    private final boolean m_includeSubfolders;
    private final List<Path> m_paths = new ArrayList<>();
    private int m_visitedFiles;
    private int m_visitedFolders = -1;

    FilterVisitor(final FileAndFolderFilter filter, final boolean includeFiles, final boolean includeFolders,
        final boolean includeSubfolders) {
        m_filter = filter;
        m_includeFiles = includeFiles;
        m_includeFolders = includeFolders;
        m_includeSubfolders = includeSubfolders;
    }

    @Override
    public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
        // also called for folders at the maximum depth (preVisitDirectory is not called for them)
        if (attrs.isDirectory()) {
            m_visitedFolders++;
            if (m_includeFolders && m_filter.test(file, attrs)) {
                m_paths.add(file);
            }
        } else if ((attrs.isRegularFile() || attrs.isOther()) && m_filter.testFolderName(file.getParent())) {
            m_visitedFiles++;
            if (m_includeFiles && m_filter.test(file, attrs)) {
                m_paths.add(file);
            }
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs) {
        m_visitedFolders++;
        if (m_visitedFolders > 0 && m_includeSubfolders && m_includeFolders && m_filter.test(dir, attrs)) {
            m_paths.add(dir);
        }
        return m_visitedFolders == 0 || m_filter.visitFolder(dir) ? FileVisitResult.CONTINUE
            : FileVisitResult.SKIP_SUBTREE;
    }

    List<Path> getPaths() {
        return m_paths;
    }

    FileFilterStatistic getFileFilterStatistic() {
        return new FileFilterStatistic(m_filter.getNumberOfFilteredFiles(), m_filter.getNumberOfFilteredHiddenFiles(),
            m_filter.getNumberOfFilteredSpecialFiles(), m_visitedFiles, m_filter.getNumberOfFilteredFolders(),
            m_filter.getNumberOfFilteredHiddenFolders(), m_visitedFolders);
    }
}
