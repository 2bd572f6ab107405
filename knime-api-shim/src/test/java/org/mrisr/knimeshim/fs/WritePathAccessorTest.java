package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.knimeshim.fs.FsTestSupport.ports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.WritePathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.mrisr.knimeshim.ShimWorkflowContext;

/** The write path accessor and the overwrite policies, on the local disk, relative to a workflow and in a zip. */
class WritePathAccessorTest {
    @TempDir
    Path m_tmp;

    private final List<StatusMessage> m_messages = new ArrayList<>();

    private static SettingsModelWriterFileChooser writer(final boolean withPort) {
        return new SettingsModelWriterFileChooser("output", ports(withPort), PathListerNodeFactory.FS_GROUP,
            EnumConfig.create(FilterMode.FILE), EnumConfig.supportAll(FileOverwritePolicy.FAIL), ".nii.gz");
    }

    /** What a writer node does: policy decides, missing folders are created on request, bytes go to the stream. */
    private String write(final SettingsModelWriterFileChooser m, final String text) throws IOException,
        InvalidSettingsException {
        try (WritePathAccessor a = m.createWritePathAccessor()) {
            FSPath out = a.getOutputPath(m_messages::add);
            if (m.getFileOverwritePolicy() == FileOverwritePolicy.IGNORE && FSFiles.exists(out)) {
                return "skipped";
            }
            if (m.isCreateMissingFolders() && out.getParent() != null) {
                FSFiles.createDirectories(out.getParent());
            }
            try (OutputStream o = FSFiles.newOutputStream(out, m.getFileOverwritePolicy().getOpenOptions())) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachOverwritePolicyOnTheLocalDisk() throws Exception {
        Path file = m_tmp.resolve("out.txt");
        SettingsModelWriterFileChooser m = writer(false);
        m.setLocation(new FSLocation(FSCategory.LOCAL, file.toString()));
        m.configureInModel(new PortObjectSpec[0], m_messages::add);
        assertEquals(FileOverwritePolicy.FAIL, m.getFileOverwritePolicy(), "KNIME's default");
        assertEquals("one", write(m, "one"), "FAIL writes a new file");
        assertThrows(FileAlreadyExistsException.class, () -> write(m, "two"));
        m.setFileOverwritePolicy(FileOverwritePolicy.IGNORE);
        assertEquals("skipped", write(m, "two"));
        assertEquals("one", Files.readString(file));
        m.setFileOverwritePolicy(FileOverwritePolicy.OVERWRITE);
        assertEquals("two", write(m, "two"));
        m.setFileOverwritePolicy(FileOverwritePolicy.APPEND);
        assertEquals("twothree", write(m, "three"));
        assertEquals(List.of(), m_messages);
    }

    @Test
    void missingFoldersAreCreatedOnlyWhenAsked() throws Exception {
        SettingsModelWriterFileChooser m = writer(false);
        m.setLocation(new FSLocation(FSCategory.LOCAL, m_tmp.resolve("new/deeper/out.txt").toString()));
        assertThrows(NoSuchFileException.class, () -> write(m, "x"));
        m.setCreateMissingFolders(true);
        assertEquals("x", write(m, "x"));
    }

    @Test
    void relativeToTheWorkflowWritesBesideIt() throws Exception {
        Path mount = m_tmp.resolve("mount");
        Path workflow = Files.createDirectories(mount.resolve("group/flow"));
        try (ShimWorkflowContext.Scope ctx = ShimWorkflowContext.set(workflow, mount)) {
            SettingsModelWriterFileChooser m = writer(false);
            m.setCreateMissingFolders(true);
            m.setLocation(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(), "../results/x.txt"));
            m.configureInModel(new PortObjectSpec[0], m_messages::add);
            assertEquals("x", write(m, "x"));
            assertEquals("x", Files.readString(mount.resolve("group/results/x.txt")));
            m.setPath("/group/results/y.txt");
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> write(m, "y"));
            assertEquals("The path must be relative.", e.getMessage());
        }
    }

    @Test
    void writingThroughTheZipFileSystemAtThePort() throws Exception {
        Path zipFile = m_tmp.resolve("results.zip");
        try (ShimConnector zip = ShimConnector.zip(zipFile)) {
            SettingsModelWriterFileChooser m = writer(true);
            m.setPath("/results/out.txt");
            m.setCreateMissingFolders(true);
            m.configureInModel(new PortObjectSpec[]{zip.spec()}, m_messages::add);
            assertEquals("zipped", write(m, "zipped"));
            assertFalse(Files.exists(m_tmp.resolve("results")), "nothing written to the local disk");
        }
        try (FileSystem written = FileSystems.newFileSystem(zipFile)) {
            assertEquals("zipped", Files.readString(written.getPath("/results/out.txt")));
        }
        assertTrue(m_messages.isEmpty(), m_messages.toString());
    }
}
