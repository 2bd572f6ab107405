package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.connections.location.FSPathProvider;
import org.knime.filehandling.core.connections.location.FSPathProviderFactory;
import org.knime.filehandling.core.connections.location.MultiFSPathProviderFactory;
import org.mrisr.knimeshim.ShimWorkflowContext;

/** Paths of "Path" cells: on the port's file system when there is one, else on each location's own. */
class PathProviderTest {
    @TempDir
    Path m_tmp;

    @Test
    void withoutAPortEachLocationIsOnItsOwnFileSystem() throws Exception {
        Path workflow = Files.createDirectories(m_tmp.resolve("mount/flow"));
        Files.writeString(m_tmp.resolve("local.txt"), "local");
        Files.createDirectories(workflow.resolve("data"));
        Files.writeString(workflow.resolve("data/in-data.txt"), "data area");
        FSPath local;
        try (ShimWorkflowContext.Scope ctx = ShimWorkflowContext.set(workflow, m_tmp.resolve("mount"));
                MultiFSPathProviderFactory multi = new MultiFSPathProviderFactory()) {
            FSLocation l = new FSLocation(FSCategory.LOCAL, m_tmp.resolve("local.txt").toString());
            try (FSPathProvider p = multi.getOrCreateFSPathProviderFactory(l).create(l)) {
                local = p.getPath();
                assertEquals("local", Files.readString(local));
                assertEquals(FSCategory.LOCAL, p.getFSConnection().getFileSystem().getFileSystemCategory());
            }
            FSLocation d = new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW_DATA.getSettingsValue(), "in-data.txt");
            try (FSPathProvider p = multi.getOrCreateFSPathProviderFactory(d).create(d)) {
                assertEquals("data area", Files.readString(p.getPath()));
            }
            assertTrue(multi.getOrCreateFSPathProviderFactory(l) == multi.getOrCreateFSPathProviderFactory(
                new FSLocation(FSCategory.LOCAL, "/elsewhere")), "one factory per file system");

            FSLocation zipped = new FSLocation(FSCategory.CONNECTED, "shim-zip:data.zip", "/a.nii");
            IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> multi.getOrCreateFSPathProviderFactory(zipped));
            assertEquals("The path '/a.nii' references a connected file system (shim-zip:data.zip). Please add the "
                + "missing file system connection port.", e.getMessage());
        }
        assertThrows(ClosedFileSystemException.class, () -> Files.readString(local), "closing closes the connections");
    }

    @Test
    void withAPortEveryLocationIsResolvedOnIt() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(m_tmp.resolve("data.zip"))) {
            Files.writeString(zip.connection().getFileSystem().getPath("/a.nii"), "zipped");
            try (MultiFSPathProviderFactory multi = new MultiFSPathProviderFactory(zip.spec().getFileSystemConnection()
                .orElseThrow())) {
                for (FSLocation l : new FSLocation[] {new FSLocation(FSCategory.CONNECTED, "shim-zip:data.zip", "/a.nii"),
                    new FSLocation(FSCategory.LOCAL, "/a.nii")}) {
                    try (FSPathProvider p = multi.getOrCreateFSPathProviderFactory(l).create(l)) {
                        assertEquals("zipped", Files.readString(p.getPath()), l.toString());
                    }
                }
            }
            assertEquals("zipped", Files.readString(zip.connection().getFileSystem().getPath("/a.nii")),
                "the port's connection stays open");
        }
    }

    @Test
    void factoriesRefuseWhatKnimeRefuses() {
        assertThrows(IllegalArgumentException.class, () -> FSPathProviderFactory.newFactory(Optional.empty(),
            new DefaultFSLocationSpec(FSCategory.CONNECTED, "shim-zip:x.zip")));
        assertThrows(IllegalArgumentException.class,
            () -> FSPathProviderFactory.newFactory(Optional.empty(), new DefaultFSLocationSpec(FSCategory.RELATIVE)));
    }
}
