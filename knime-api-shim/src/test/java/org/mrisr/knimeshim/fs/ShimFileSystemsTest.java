package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.knimeshim.fs.FsTestSupport.ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.connections.meta.FSType;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.ReadPathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.mrisr.knimeshim.ShimWorkflowContext;

/** The shim's file systems themselves: paths, URLs, mountpoints, the zip file system. */
class ShimFileSystemsTest {
    @TempDir
    Path m_tmp;

    @Test
    void zipPathsResolveAgainstTheRootAndConvertToLocations() throws Exception {
        try (FSConnection c = ShimFileSystems.zip(m_tmp.resolve("a.zip"))) {
            FSPath p = c.getFileSystem().getPath("scans", "a.nii");
            assertFalse(p.isAbsolute());
            assertEquals("/scans/a.nii", p.toAbsolutePath().toString());
            assertEquals("a.nii", p.getFileName().toString());
            assertEquals(new FSLocation(FSCategory.CONNECTED, "shim-zip:a.zip", "scans/a.nii"), p.toFSLocation());
            assertEquals("shim-zip", p.toUri().getScheme());
            assertEquals("/scans/a.nii", p.toUri().getPath());
            assertEquals(ShimFileSystems.ZIP_FS_TYPE, c.getFSType());
            FSFiles.createDirectories(p.getParent());
            Files.writeString(p, "x");
            assertTrue(FSFiles.exists(p));
            assertTrue(c.getFileSystem().getPathMatcher("glob:**/*.nii").matches(p.toAbsolutePath()));
            FSFiles.deleteRecursively(c.getFileSystem().getPath("/scans"));
            assertFalse(FSFiles.exists(p));
        }
    }

    @Test
    void customUrlsOfTheWorkflowResolveToLocalFiles() throws Exception {
        Path mount = m_tmp.resolve("mount");
        Path workflow = Files.createDirectories(mount.resolve("group/flow"));
        Files.writeString(Files.createDirectories(mount.resolve("group/data")).resolve("a.nii"), "a");
        try (ShimWorkflowContext.Scope ctx = ShimWorkflowContext.set(workflow, mount)) {
            SettingsModelReaderFileChooser m = new SettingsModelReaderFileChooser("input", ports(false),
                PathListerNodeFactory.FS_GROUP, EnumConfig.create(FilterMode.FILE));
            m.setLocation(new FSLocation(FSCategory.CUSTOM_URL, "1000", "knime://knime.workflow/../data/a.nii"));
            List<StatusMessage> messages = new ArrayList<>();
            m.configureInModel(new PortObjectSpec[0], messages::add);
            try (ReadPathAccessor a = m.createReadPathAccessor()) {
                assertEquals("a", Files.readString(a.getFSPaths(messages::add).get(0)));
            }
            assertEquals(List.of(), messages);
        }
    }

    @Test
    void mountpointsMustBeTheLocalOne() throws Exception {
        Path mount = Files.createDirectories(m_tmp.resolve("mount"));
        try (ShimWorkflowContext.Scope ctx =
            ShimWorkflowContext.set(Files.createDirectories(mount.resolve("flow")), mount).withRemoteMountpoint("hub")) {
            assertEquals(FSType.MOUNTPOINT, ShimFileSystems.mountpoint("LOCAL").getFSType());
            IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> ShimFileSystems.mountpoint("other"));
            assertEquals("The selected mountpoint 'other' is unknown.", unknown.getMessage());
            IllegalArgumentException remote =
                assertThrows(IllegalArgumentException.class, () -> ShimFileSystems.mountpoint("hub"));
            assertEquals("The selected mountpoint 'hub' is not connected.", remote.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> ShimFileSystems.relativeTo(RelativeTo.WORKFLOW),
            "no workflow context");
    }
}
