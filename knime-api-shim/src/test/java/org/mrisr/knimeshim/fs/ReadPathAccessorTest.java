package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.knimeshim.fs.FsTestSupport.filterExtensions;
import static org.mrisr.knimeshim.fs.FsTestSupport.ports;
import static org.mrisr.knimeshim.fs.FsTestSupport.scans;

import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.FileFilterStatistic;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.ReadPathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.mrisr.knimeshim.ShimWorkflowContext;

/** The read path accessor in FILE, FOLDER and FILES_IN_FOLDERS mode, on local, relative-to and zip files. */
class ReadPathAccessorTest {
    @TempDir
    Path m_tmp;

    private final List<StatusMessage> m_messages = new ArrayList<>();

    private static SettingsModelReaderFileChooser reader(final boolean withPort, final FilterMode mode) {
        SettingsModelReaderFileChooser m = new SettingsModelReaderFileChooser("input", ports(withPort),
            PathListerNodeFactory.FS_GROUP, EnumConfig.create(FilterMode.FILE, FilterMode.FOLDER,
                FilterMode.FILES_IN_FOLDERS), ".nii", ".nii.gz");
        m.getFilterModeModel().setFilterMode(mode);
        return m;
    }

    private List<String> paths(final SettingsModelReaderFileChooser m) throws Exception {
        try (ReadPathAccessor a = m.createReadPathAccessor()) {
            return a.getFSPaths(m_messages::add).stream().map(FSPath::toString).collect(Collectors.toList());
        }
    }

    @Test
    void fileModeGivesTheFileOnTheLocalFileSystem() throws Exception {
        Path dir = scans(m_tmp.resolve("scans"));
        SettingsModelReaderFileChooser m = reader(false, FilterMode.FILE);
        m.setLocation(new FSLocation(FSCategory.LOCAL, dir.resolve("a.nii").toString()));
        m.configureInModel(new PortObjectSpec[0], m_messages::add);
        try (ReadPathAccessor a = m.createReadPathAccessor()) {
            List<FSPath> paths = a.getFSPaths(m_messages::add);
            assertEquals(1, paths.size());
            FSPath p = paths.get(0);
            assertEquals(new FSLocation(FSCategory.LOCAL, dir.resolve("a.nii").toString()), p.toFSLocation());
            assertEquals("a.nii", new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            assertThrows(UnsupportedOperationException.class, p::toFile, "KNIME paths are no java.io files");
            assertEquals(1, a.getFileFilterStatistic().getIncludedFiles());
        }
        assertEquals(List.of(), m_messages);
    }

    @Test
    void fileModeRejectsEmptyMissingAndFolderLocations() throws Exception {
        Path dir = scans(m_tmp.resolve("scans"));
        SettingsModelReaderFileChooser m = reader(false, FilterMode.FILE);
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> m.configureInModel(new PortObjectSpec[0], m_messages::add));
        assertEquals("Please specify a file", e.getMessage());
        m.setLocation(new FSLocation(FSCategory.LOCAL, dir.resolve("missing.nii").toString()));
        e = assertThrows(InvalidSettingsException.class, () -> paths(m));
        assertEquals("The specified file " + dir.resolve("missing.nii") + " does not exist.", e.getMessage());
        m.setPath(dir.toString());
        e = assertThrows(InvalidSettingsException.class, () -> paths(m));
        assertEquals(dir + " is a folder. Please specify a file.", e.getMessage());
        m.getFilterModeModel().setFilterMode(FilterMode.FOLDER);
        assertEquals(List.of(dir.toString()), paths(m));
        m.setPath(dir.resolve("a.nii").toString());
        e = assertThrows(InvalidSettingsException.class, () -> paths(m));
        assertEquals(dir.resolve("a.nii") + " is not a folder. Please specify a folder.", e.getMessage());
    }

    @Test
    void filesInFolderListsVisibleFilesSortedAndFiltersByExtensionWhenAsked() throws Exception {
        Path dir = scans(m_tmp.resolve("scans"));
        SettingsModelReaderFileChooser m = reader(false, FilterMode.FILES_IN_FOLDERS);
        m.setLocation(new FSLocation(FSCategory.LOCAL, dir.toString()));
        assertEquals(List.of(dir.resolve("a.nii").toString(), dir.resolve("b.nii.gz").toString(),
            dir.resolve("notes.txt").toString()), paths(m), "no extension filter unless the settings enable one");

        filterExtensions(m, "nii;.nii.gz");
        m.getFilterModeModel().setIncludeSubfolders(true);
        try (ReadPathAccessor a = m.createReadPathAccessor()) {
            List<String> got = a.getFSPaths(m_messages::add).stream().map(FSPath::toString).collect(Collectors.toList());
            assertEquals(List.of(dir.resolve("a.nii").toString(), dir.resolve("b.nii.gz").toString(),
                dir.resolve("sub/d.nii").toString()), got);
            FileFilterStatistic stat = a.getFileFilterStatistic();
            assertEquals(3, stat.getIncludedFiles());
            assertEquals(2, stat.getFilteredFiles(), "notes.txt and sub/e.txt");
            assertEquals(5, stat.getVisitedFiles(), "the hidden file is not counted");
        }
    }

    @Test
    void filesInFolderOnTheZipFileSystemAtThePort() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(m_tmp.resolve("data.zip"))) {
            scans(zip.connection().getFileSystem().getPath("/scans"));
            SettingsModelReaderFileChooser m = reader(true, FilterMode.FILES_IN_FOLDERS);
            m.setPath("/scans");
            filterExtensions(m, ".nii.gz,.nii");
            m.configureInModel(new PortObjectSpec[]{zip.spec()}, m_messages::add);
            assertEquals(List.of(), m_messages);
            assertEquals(new FSLocation(FSCategory.CONNECTED, "shim-zip:data.zip", "/scans"), m.getLocation());
            try (ReadPathAccessor a = m.createReadPathAccessor()) {
                List<FSPath> paths = a.getFSPaths(m_messages::add);
                assertEquals(List.of("/scans/a.nii", "/scans/b.nii.gz"),
                    paths.stream().map(FSPath::toString).collect(Collectors.toList()));
                assertEquals("b.nii.gz", new String(Files.readAllBytes(paths.get(1)), StandardCharsets.UTF_8));
                assertEquals(FSCategory.CONNECTED, paths.get(0).toFSLocation().getFSCategory());
            }
            assertTrue(zip.connection().getFileSystem().isOpen(), "closing the accessor leaves the port's file system open");
            assertEquals(List.of("scans/a.nii"), listedRelativeToWorkingDirOf(zip, "scans/a.nii"));
        }
        assertTrue(Files.size(m_tmp.resolve("data.zip")) > 0, "closing the connector wrote the zip");
    }

    /** Relative paths on the zip file system resolve against its working directory "/". */
    private static List<String> listedRelativeToWorkingDirOf(final ShimConnector zip, final String relative) {
        FSPath p = zip.connection().getFileSystem().getPath(relative);
        return Files.exists(p) ? List.of(p.toString()) : List.of();
    }

    @Test
    void aConnectedLocationNeedsAnExecutedConnector() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(m_tmp.resolve("data.zip"))) {
            SettingsModelReaderFileChooser m = reader(true, FilterMode.FILE);
            m.setPath("/a.nii");
            m.configureInModel(new PortObjectSpec[]{zip.configuredSpec()}, m_messages::add);
            assertEquals("No connection available. Execute the connector node first.", m_messages.get(0).getMessage());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> paths(m));
            assertEquals("No file system connection available. Execute connector node.", e.getMessage());
            InvalidSettingsException noSpec = assertThrows(InvalidSettingsException.class,
                () -> m.configureInModel(new PortObjectSpec[]{null}, m_messages::add));
            assertEquals("No file system connected at port 0.", noSpec.getMessage());
        }
    }

    @Test
    void relativeToTheWorkflowKeepsOutOfWorkflowsAndTheDataAreaIsInside() throws Exception {
        Path mount = m_tmp.resolve("mount");
        Path workflow = Files.createDirectories(mount.resolve("group/flow"));
        scans(mount.resolve("group/data"));
        scans(workflow.resolve("data"));
        try (ShimWorkflowContext.Scope ctx = ShimWorkflowContext.set(workflow, mount)) {
            SettingsModelReaderFileChooser m = reader(false, FilterMode.FILE);
            m.setLocation(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(), "../data/a.nii"));
            assertEquals(List.of("../data/a.nii"), paths(m));

            m.setPath("data/a.nii");
            InvalidSettingsException hidden = assertThrows(InvalidSettingsException.class, () -> paths(m));
            assertEquals("The specified file data/a.nii does not exist.", hidden.getMessage(),
                "as in KNIME: the inside of a workflow does not exist for a reader");
            try (FSConnection c = ShimFileSystems.relativeTo(RelativeTo.WORKFLOW)) {
                NoSuchFileException inside = assertThrows(NoSuchFileException.class,
                    () -> Files.readAllBytes(c.getFileSystem().getPath("data/a.nii")));
                assertEquals("Accessing paths inside a workflow is not allowed.", inside.getReason());
            }
            m.setPath("/group/data/a.nii");
            InvalidSettingsException abs = assertThrows(InvalidSettingsException.class, () -> paths(m));
            assertEquals("The path must be relative.", abs.getMessage());
            m.setPath("../../../outside.nii");
            assertThrows(InvalidSettingsException.class, () -> paths(m), "leaving the mountpoint: does not exist");

            m.setLocation(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW_DATA.getSettingsValue(), "a.nii"));
            try (ReadPathAccessor a = m.createReadPathAccessor()) {
                FSPath p = a.getFSPaths(m_messages::add).get(0);
                assertEquals("a.nii", new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                assertEquals("/a.nii", p.toAbsolutePath().toString(), "the data area is the root");
            }

            m.setLocation(new FSLocation(FSCategory.MOUNTPOINT, "LOCAL", "/group/data/b.nii.gz"));
            assertEquals(List.of("/group/data/b.nii.gz"), paths(m));
        }
    }

    @Test
    void workflowsInAListedFolderAreOtherFilesThatCannotBeRead() throws Exception {
        Path mount = m_tmp.resolve("mount");
        Path workflow = Files.createDirectories(mount.resolve("group/flow"));
        Files.write(Files.createDirectories(mount.resolve("group/other")).resolve("workflow.knime"), new byte[1]);
        try (ShimWorkflowContext.Scope ctx = ShimWorkflowContext.set(workflow, mount)) {
            SettingsModelReaderFileChooser m = reader(false, FilterMode.FILES_IN_FOLDERS);
            m.setLocation(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(), ".."));
            assertEquals(List.of("../flow", "../other"), paths(m), "KNIME lists workflows as special files");
            m.getFilterModeModel().setFilterMode(FilterMode.FILE);
            m.setPath("../other");
            try (ReadPathAccessor a = m.createReadPathAccessor()) {
                FSPath other = a.getFSPaths(m_messages::add).get(0);
                Exception e = assertThrows(Exception.class, () -> Files.readAllBytes(other));
                assertTrue(e.getMessage().contains("Reading a Workflow is not possible."), e.getMessage());
            }
        }
    }

    @Test
    void pathsOfAConvenienceFileSystemDieWithTheirAccessor() throws Exception {
        Path dir = scans(m_tmp.resolve("scans"));
        SettingsModelReaderFileChooser m = reader(false, FilterMode.FILE);
        m.setLocation(new FSLocation(FSCategory.LOCAL, dir.resolve("a.nii").toString()));
        FSPath p;
        try (ReadPathAccessor a = m.createReadPathAccessor()) {
            p = a.getFSPaths(m_messages::add).get(0);
        }
        assertThrows(ClosedFileSystemException.class, () -> Files.readAllBytes(p));
    }
}
