package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.util.FileUtil;

/** The shim's FileUtil: local paths, file URLs and knime:// URLs against ShimWorkflowContext. */
class FileUtilTest {
    @TempDir
    Path m_mount;

    @AfterEach
    void noContextLeft() {
        ShimWorkflowContext.clear();
    }

    @Test
    void plainPathsAndFileUrlsAreLocal() throws Exception {
        Path f = m_mount.resolve("dir with space/t1.nii.gz");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "voxels");

        URL fromPath = FileUtil.toURL(f.toString());
        assertEquals("file", fromPath.getProtocol());
        assertEquals(f, FileUtil.resolveToPath(fromPath));
        assertEquals(f.toFile(), FileUtil.getFileFromURL(fromPath));

        URL fromFileUrl = FileUtil.toURL("file:" + f); // unencoded spaces, as users type them
        assertEquals(f, FileUtil.resolveToPath(fromFileUrl));
        assertEquals(f.toFile(), FileUtil.getFileFromURL(fromFileUrl));
        assertEquals(f, FileUtil.resolveToPath(new URL("file:" + f)), "non-encoded file URL");

        assertEquals(Path.of("rel/x.nii").toAbsolutePath(), FileUtil.resolveToPath(FileUtil.toURL("rel/x.nii")));
        assertThrows(InvalidPathException.class, () -> FileUtil.toURL(""));
    }

    @Test
    void workflowAndMountpointRelativeUrlsResolveAgainstTheContext() throws Exception {
        Path wf = m_mount.resolve("group/flow");
        Path data = m_mount.resolve("group/data/t1.nii.gz");
        Files.createDirectories(wf);
        Files.createDirectories(data.getParent());
        Files.writeString(data, "voxels");
        try (var ctx = ShimWorkflowContext.set(wf, m_mount)) {
            URL rel = FileUtil.toURL("knime://knime.workflow/../data/t1.nii.gz");
            assertEquals("knime", rel.getProtocol());
            assertEquals("knime.workflow", rel.getHost());
            assertEquals(data, FileUtil.resolveToPath(rel));
            assertEquals(data.toFile(), FileUtil.getFileFromURL(rel));
            try (InputStream in = rel.openStream()) {
                assertEquals("voxels", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            assertEquals(data, FileUtil.resolveToPath(FileUtil.toURL("knime://knime.mountpoint/group/data/t1.nii.gz")));
            assertEquals(data, FileUtil.resolveToPath(FileUtil.toURL("knime://LOCAL/group/data/t1.nii.gz")));
            assertEquals(m_mount.resolve("group/out dir/x.nii"),
                FileUtil.resolveToPath(FileUtil.toURL("knime://knime.workflow/../out dir/x.nii")), "spaces");
            assertEquals(m_mount.resolve("group/out dir/y.nii"),
                FileUtil.resolveToPath(FileUtil.toURL("knime://knime.workflow/../out%20dir/y.nii")), "encoded");
            assertEquals(rel, FileUtil.toURL("knime://knime.workflow/../data/t1.nii.gz"));
        }
    }

    @Test
    void remoteMountpointsAreNotLocalAndUnknownOnesFail() throws Exception {
        try (var ctx = ShimWorkflowContext.set(m_mount.resolve("flow"), m_mount).withRemoteMountpoint("My-Hub")) {
            URL remote = FileUtil.toURL("knime://My-Hub/Users/me/data.nii");
            assertNull(FileUtil.resolveToPath(remote));
            assertNull(FileUtil.getFileFromURL(remote));
            assertThrows(IOException.class, () -> remote.openStream());

            URL unknown = FileUtil.toURL("knime://Elsewhere/data.nii");
            assertThrows(IOException.class, () -> FileUtil.resolveToPath(unknown));
            assertThrows(IllegalArgumentException.class, () -> FileUtil.getFileFromURL(unknown));
            assertThrows(IOException.class, () -> FileUtil.resolveToPath(FileUtil.toURL("knime://knime.node/x")));

            URL escape = FileUtil.toURL("knime://knime.workflow/../../outside.nii");
            IOException e = assertThrows(IOException.class, () -> FileUtil.resolveToPath(escape));
            assertTrue(e.getMessage().contains("mount point"), e.getMessage());
        }
    }

    @Test
    void aWorkflowNotInASpaceReachesOnlyItsOwnFolder() throws Exception {
        // As KNIME for a workflow without a mount point, e.g. run from a temporary copy.
        Path wf = m_mount.resolve("copy/flow");
        Path inside = wf.resolve("data/t1.nii.gz");
        Files.createDirectories(inside.getParent());
        Files.writeString(inside, "voxels");
        Files.writeString(m_mount.resolve("copy/t1.nii.gz"), "outside");
        try (var ctx = ShimWorkflowContext.setNotInSpace(wf)) {
            assertNull(ShimWorkflowContext.mountpointRoot());
            URL in = FileUtil.toURL("knime://knime.workflow/data/t1.nii.gz");
            assertEquals(inside, FileUtil.resolveToPath(in));
            try (InputStream s = in.openStream()) {
                assertEquals("voxels", new String(s.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(inside, FileUtil.resolveToPath(FileUtil.toURL("knime://knime.workflow/../flow/data/t1.nii.gz")),
                "out and back in stays inside");

            URL outside = FileUtil.toURL("knime://knime.workflow/../t1.nii.gz");
            IOException e = assertThrows(IOException.class, () -> FileUtil.resolveToPath(outside));
            assertEquals("Cannot access items outside the workflow because it is not imported into a space: '"
                + outside + "'", e.getMessage());
            assertThrows(IOException.class, outside::openStream);
            assertThrows(IllegalArgumentException.class, () -> FileUtil.getFileFromURL(outside));
            IOException m = assertThrows(IOException.class,
                () -> FileUtil.resolveToPath(FileUtil.toURL("knime://knime.mountpoint/copy/t1.nii.gz")));
            assertEquals("Mountpoint or space relative URL needs a mountpoint.", m.getMessage());
            assertThrows(IOException.class, () -> FileUtil.resolveToPath(FileUtil.toURL("knime://LOCAL/copy/t1.nii.gz")));
        }
        try (var ctx = ShimWorkflowContext.set(wf, m_mount)) {
            assertEquals(m_mount.resolve("copy/t1.nii.gz"),
                FileUtil.resolveToPath(FileUtil.toURL("knime://knime.workflow/../t1.nii.gz")), "in a space: allowed");
        }
    }

    @Test
    void knimeUrlsNeedAContextAndOtherProtocolsAreNotFiles() throws Exception {
        URL rel = FileUtil.toURL("knime://knime.workflow/data.nii");
        assertThrows(IOException.class, () -> FileUtil.resolveToPath(rel));
        assertThrows(IllegalArgumentException.class, () -> FileUtil.getFileFromURL(rel));

        URL http = FileUtil.toURL("https://example.org/data.nii");
        assertNull(FileUtil.resolveToPath(http));
        assertThrows(IllegalArgumentException.class, () -> FileUtil.getFileFromURL(http));
    }

    @Test
    void scopesRestoreThePreviousContext() {
        Path a = m_mount.resolve("a");
        Path b = m_mount.resolve("b");
        try (var outer = ShimWorkflowContext.set(a, m_mount)) {
            try (var inner = ShimWorkflowContext.set(b, m_mount)) {
                assertEquals(b, ShimWorkflowContext.workflowDir());
            }
            assertEquals(a, ShimWorkflowContext.workflowDir());
        }
        assertNull(ShimWorkflowContext.workflowDir());
        assertThrows(IllegalArgumentException.class, () -> ShimWorkflowContext.set(m_mount.getParent(), m_mount));
    }
}
