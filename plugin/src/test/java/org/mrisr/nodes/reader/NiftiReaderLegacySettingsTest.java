package org.mrisr.nodes.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.nodes.testing.LegacySettings;
import org.mrisr.nodes.testing.NodeTestKit;

/**
 * Workflows saved with mrisr 0.1 (text "location", "recursive") load into the file chooser with the same
 * meaning: the settings.xml files under test resources were saved by 0.1's NIfTI Reader.
 */
class NiftiReaderLegacySettingsTest {
    @TempDir
    Path tmp;

    private static NiftiReaderNodeModel loaded(final String file) throws Exception {
        NiftiReaderNodeModel m = NiftiReaderNodeTest.fresh();
        NodeSettings old = LegacySettings.model(file);
        ShimHeadless.validateSettings(m, old);
        ShimHeadless.loadSettings(m, old);
        return m;
    }

    @Test
    void theTestflowsWorkflowRelativeFileIsInTheWorkflowDataArea() throws Exception {
        NiftiReaderNodeModel m = loaded("reader-testflow.xml");
        assertEquals(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW_DATA.getSettingsValue(),
            "ch2bet-crop40.nii.gz"), m.settings().input.getLocation());
        assertEquals(FilterMode.FILE, m.settings().input.getFilterMode());
        NodeSettings saved = ShimHeadless.saveSettings(m);
        assertFalse(saved.containsKey("location") || saved.containsKey("recursive"), "saved in the current form");
        NiftiReaderNodeModel again = NiftiReaderNodeTest.fresh();
        ShimHeadless.loadSettings(again, saved);
        assertEquals(saved, ShimHeadless.saveSettings(again), "and reloads unchanged");
    }

    @Test
    void aFolderKeepsRecursionAndTheOtherSettingsTheirValues() throws Exception {
        NiftiReaderNodeModel m = loaded("reader-folder.xml");
        assertEquals(new FSLocation(FSCategory.LOCAL, "/data/study/scans"), m.settings().input.getLocation());
        assertEquals(FilterMode.FILES_IN_FOLDERS, m.settings().input.getFilterMode());
        assertTrue(m.settings().input.getFilterModeModel().isIncludeSubfolders());
        assertEquals("File", m.settings().pathColumn.getStringValue());
    }

    @Test
    void severalFilesOfOneFolderReadExactlyThoseFiles() throws Exception {
        NiftiReaderNodeModel m = loaded("reader-list.xml");
        assertEquals(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(), "../scans"),
            m.settings().input.getLocation());
        assertEquals(1, m.settings().volumeIndex.getIntValue());
        assertTrue(m.settings().skipBad.getBooleanValue());

        Path mount = tmp.resolve("mount");
        Path workflow = Files.createDirectories(mount.resolve("study/flow"));
        Path scans = Files.createDirectories(mount.resolve("study/scans"));
        NiftiWriter.write(NodeTestKit.ch2betCrop(12), scans.resolve("a.nii.gz"));
        NiftiWriter.write(NodeTestKit.ch2betCrop(14), scans.resolve("b.nii"));
        NiftiWriter.write(NodeTestKit.ch2betCrop(16), scans.resolve("c.nii"));
        NodeTestKit.configureSettings(m, s -> s.addInt("volume_index", 0));
        try (var ctx = ShimWorkflowContext.set(workflow, mount)) {
            BufferedDataTable t = NodeTestKit.run(m, (BufferedDataTable)null)[0];
            assertEquals(List.of("a", "b"), NodeTestKit.rows(t).stream().map(r -> r.getKey().getString()).toList(),
                "c.nii is in the folder but was not in the list");
            assertArrayEquals(new int[] {14, 14, 14}, NodeTestKit.volume(NodeTestKit.rows(t).get(1), 0).shape());
        }
    }

    @Test
    void pathsOfDifferentFoldersCannotBecomeOneChooserAndSaySo() throws Exception {
        NodeSettings old = LegacySettings.model("reader-list.xml");
        old.addString("location", "/data/a.nii; /other/b.nii");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.validateSettings(NiftiReaderNodeTest.fresh(), old));
        assertEquals("Location '/data/a.nii; /other/b.nii' (saved by mrisr 0.1) lists folders or files of different "
            + "folders, which one file chooser cannot hold: choose one file, one folder or the files of one folder in "
            + "the node dialog, or connect a table whose path column lists them", e.getMessage());
    }
}
