package org.mrisr.nodes.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimNodePersistence;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;
import org.mrisr.nodes.view.SliceViewerPanel;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

/** The NIfTI Reader on local files: modes, path columns, errors, progress, view; other file systems in NiftiReaderFileSystemsTest. */
class NiftiReaderNodeTest {
    /** The optional input, unconnected. */
    private static final BufferedDataTable NONE = null;
    private static Path folder;
    private static Volume a;
    private static Volume b;

    @BeforeAll
    static void files() throws Exception {
        folder = NodeTestKit.tmp("mrisr-reader");
        a = NodeTestKit.ch2betCrop(24);
        b = NodeTestKit.ch2betCrop(16);
        NiftiWriter.write(a, folder.resolve("a.nii.gz"));
        Files.createDirectories(folder.resolve("sub"));
        NiftiWriter.write(b, folder.resolve("sub/b.nii"));
        Files.writeString(folder.resolve("notes.txt"), "not a volume");
    }

    static NiftiReaderNodeModel fresh() {
        return ShimNodeCreation.createNodeModel(new NiftiReaderNodeFactory());
    }

    /** A reader of the local location in the mode, through its settings as KNIME applies them. */
    static NiftiReaderNodeModel model(final FSLocation location, final FilterMode mode, final boolean subfolders,
        final boolean skip) throws InvalidSettingsException {
        NiftiReaderNodeModel m = fresh();
        m.settings().input.setLocation(location);
        m.settings().input.getFilterModeModel().setFilterMode(mode);
        m.settings().input.getFilterModeModel().setIncludeSubfolders(subfolders);
        NodeTestKit.configureSettings(m, s -> s.addBoolean("skip_bad_files", skip));
        return m;
    }

    private static NiftiReaderNodeModel local(final Path p, final FilterMode mode, final boolean subfolders)
        throws InvalidSettingsException {
        return model(new FSLocation(FSCategory.LOCAL, p.toString()), mode, subfolders, false);
    }

    private static List<String> keys(final BufferedDataTable t) {
        return NodeTestKit.rows(t).stream().map(r -> r.getKey().getString()).toList();
    }

    @Test
    void readsTheRealTemplateWithItsHeaderFacts() throws Exception {
        Path ch2 = RealData.mricron("ch2bet.nii.gz");
        BufferedDataTable t = NodeTestKit.run(local(ch2, FilterMode.FILE, false), NONE)[0];
        List<DataRow> rows = NodeTestKit.rows(t);
        assertEquals(1, rows.size());
        DataRow r = rows.get(0);
        assertEquals("ch2bet", r.getKey().getString());
        Volume v = NodeTestKit.volume(r, 0);
        assertArrayEquals(new int[] {181, 217, 181}, v.shape());
        assertEquals(181, ((IntValue)r.getCell(1)).getIntValue());
        assertEquals(217, ((IntValue)r.getCell(2)).getIntValue());
        assertEquals(1.0, ((DoubleValue)r.getCell(4)).getDoubleValue(), 1e-6);
        assertEquals(1L, ((LongValue)r.getCell(8)).getLongValue());
        assertTrue(((StringValue)r.getCell(7)).getStringValue().length() > 0);
        assertEquals(ch2.toAbsolutePath().toString(), ((StringValue)r.getCell(9)).getStringValue());
    }

    @Test
    void folderModesListNiftiFilesSortedAndSubfoldersOnlyWhenAsked() throws Exception {
        List<DataRow> flat = NodeTestKit.rows(NodeTestKit.run(local(folder, FilterMode.FILES_IN_FOLDERS, false), NONE)[0]);
        assertEquals(List.of("a"), flat.stream().map(r -> r.getKey().getString()).toList(), "notes.txt is skipped");
        assertArrayEquals(a.data(), NodeTestKit.volume(flat.get(0), 0).data());

        List<DataRow> deep = NodeTestKit.rows(NodeTestKit.run(local(folder, FilterMode.FILES_IN_FOLDERS, true), NONE)[0]);
        assertEquals(List.of("a", "b"), deep.stream().map(r -> r.getKey().getString()).toList());
        assertArrayEquals(b.data(), NodeTestKit.volume(deep.get(1), 0).data());
        assertEquals(0.0, b.affine().maxAbsDifference(NodeTestKit.volume(deep.get(1), 0).affine()), 1e-4);

        assertEquals(List.of("a"), keys(NodeTestKit.run(local(folder, FilterMode.FOLDER, false), NONE)[0]),
            "a folder: the NIfTI files directly in it");
    }

    @Test
    void badFileFailsNamingItOrIsSkippedWithAWarning() throws Exception {
        Path bad = NodeTestKit.tmp("mrisr-reader-bad");
        NiftiWriter.write(a, bad.resolve("good.nii"));
        Files.write(bad.resolve("broken.nii"), new byte[100]);
        FSLocation loc = new FSLocation(FSCategory.LOCAL, bad.toString());
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(loc, FilterMode.FILES_IN_FOLDERS, false, false), NONE));
        assertTrue(e.getMessage().contains("broken.nii"), e.getMessage());
        assertTrue(e.getMessage().contains("Skip unreadable files"), e.getMessage());

        NiftiReaderNodeModel m = model(loc, FilterMode.FILES_IN_FOLDERS, false, true);
        assertEquals(List.of("good"), keys(NodeTestKit.run(m, NONE)[0]));
        assertTrue(ShimHeadless.warningMessage(m).contains("broken.nii"), ShimHeadless.warningMessage(m));
    }

    @Test
    void emptyMissingAndEmptyFolderLocationsAreClearErrors() throws Exception {
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(fresh(), (DataTableSpec)null));
        assertEquals("Please specify a file", e.getMessage(), "KNIME's message for an empty location");

        Exception missing = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(local(Path.of("/no/such/dir/x.nii"), FilterMode.FILE, false), NONE));
        assertTrue(missing.getMessage().contains("/no/such/dir/x.nii") && missing.getMessage().contains("does not exist"),
            missing.getMessage());

        Path empty = NodeTestKit.tmp("mrisr-empty");
        Files.writeString(empty.resolve("readme.txt"), "no volumes here");
        Exception none = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(local(empty, FilterMode.FILES_IN_FOLDERS, false), NONE));
        assertEquals("No NIfTI files (.nii, .nii.gz, .hdr) in folder " + empty + " (1 other entries skipped); tick "
            + "'Include subfolders' to search below it", none.getMessage());
    }

    @Test
    void validateRefusesBadSettingsWithoutTouchingTheModel() throws Exception {
        NiftiReaderNodeModel m = local(folder, FilterMode.FILES_IN_FOLDERS, false);
        var s2 = ShimHeadless.saveSettings(m);
        s2.addInt("volume_index", -1);
        assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s2));
        assertEquals(0, m.settings().volumeIndex.getIntValue());
    }

    @Test
    void volumeIndexBeyondTheFileIsAClearError() throws Exception {
        NiftiReaderNodeModel m = local(folder.resolve("a.nii.gz"), FilterMode.FILE, false);
        NodeTestKit.configureSettings(m, s -> s.addInt("volume_index", 3));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(m, NONE));
        assertTrue(e.getMessage().contains("a.nii.gz") && e.getMessage().contains("volume 3"), e.getMessage());
    }

    @Test
    void cancellationStopsBeforeReading() throws Exception {
        NiftiReaderNodeModel m = local(folder, FilterMode.FILES_IN_FOLDERS, true);
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class,
            () -> NodeTestKit.runUnconnected(m, ShimHeadless.executionContext(mon)));
    }

    @Test
    void progressReachesTheLastFile() throws Exception {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        NodeTestKit.runUnconnected(local(folder, FilterMode.FILES_IN_FOLDERS, true), ShimHeadless.executionContext(mon));
        assertTrue(mon.getMessage().contains("2/2"), mon.getMessage());
    }

    @Test
    void resetForgetsTheViewedTable() throws Exception {
        NiftiReaderNodeModel m = local(folder, FilterMode.FILES_IN_FOLDERS, false);
        NodeTestKit.run(m, NONE);
        assertEquals(1, m.viewTable().size());
        ShimHeadless.reset(m);
        assertNull(m.viewTable());
    }

    @Test
    void theViewShowsTheVolumesAgainAfterTheWorkflowIsReopened() throws Exception {
        NiftiReaderNodeModel m = local(folder, FilterMode.FILES_IN_FOLDERS, true);
        NodeTestKit.run(m, NONE);
        NiftiReaderNodeModel reopened = ShimNodePersistence.saveAndReopen(new NiftiReaderNodeFactory(), m);
        assertEquals(2, reopened.viewTable().size(), "KNIME hands the internal table back");
        assertEquals(m.settings().input.getLocation(), reopened.settings().input.getLocation());
        // What the node's SliceViewerNodeView shows (its panel; KNIME builds no NodeView headless).
        SliceViewerPanel panel = new SliceViewerPanel();
        panel.setTable(reopened.viewTable());
        assertArrayEquals(a.data(), panel.shownVolume().data());

        NiftiReaderNodeModel notRun = ShimNodePersistence.saveAndReopen(new NiftiReaderNodeFactory(),
            local(folder, FilterMode.FILES_IN_FOLDERS, true));
        assertNull(notRun.viewTable(), "a node saved before execution has nothing to show");
    }

    @Test
    void relativeToTheWorkflowItsDataAreaAndItsMountpoint() throws Exception {
        Path mount = NodeTestKit.tmp("mrisr-mount");
        Path workflow = Files.createDirectories(mount.resolve("group/study"));
        NiftiWriter.write(a, Files.createDirectories(workflow.resolve("data")).resolve("t1.nii.gz"));
        NiftiWriter.write(b, Files.createDirectories(mount.resolve("group/scans")).resolve("t2.nii"));
        try (var ctx = ShimWorkflowContext.set(workflow, mount)) {
            NiftiReaderNodeModel data = model(new FSLocation(FSCategory.RELATIVE,
                RelativeTo.WORKFLOW_DATA.getSettingsValue(), "t1.nii.gz"), FilterMode.FILE, false, false);
            DataRow r = NodeTestKit.rows(NodeTestKit.run(data, NONE)[0]).get(0);
            assertArrayEquals(a.data(), NodeTestKit.volume(r, 0).data());
            assertEquals("t1.nii.gz", ((StringValue)r.getCell(9)).getStringValue(), "the path on its file system");

            NiftiReaderNodeModel beside = model(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(),
                "../scans"), FilterMode.FILES_IN_FOLDERS, false, false);
            assertArrayEquals(b.data(), NodeTestKit.volume(NodeTestKit.rows(NodeTestKit.run(beside, NONE)[0]).get(0), 0)
                .data());

            DataTableSpec spec = NodeTestKit.spec("File", StringCell.TYPE);
            NiftiReaderNodeModel fromColumn = fresh();
            NodeTestKit.configureSettings(fromColumn, s -> s.addString("path_column", "File"));
            BufferedDataTable in = NodeTestKit.table(spec,
                NodeTestKit.row("r1", new StringCell("knime://knime.mountpoint/group/scans/t2.nii")),
                NodeTestKit.row("r2", new StringCell("knime://knime.workflow/data/t1.nii.gz")));
            List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(fromColumn, in)[0]);
            assertArrayEquals(b.data(), NodeTestKit.volume(rows.get(0), 0).data());
            assertArrayEquals(a.data(), NodeTestKit.volume(rows.get(1), 0).data());

            NiftiReaderNodeModel inside = model(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(),
                "data/t1.nii.gz"), FilterMode.FILE, false, false);
            Exception e = assertThrows(Exception.class, () -> NodeTestKit.run(inside, NONE),
                "KNIME refuses paths into the workflow's own folder: the data area is the way there");
            assertTrue(e.getMessage().contains("data/t1.nii.gz"), e.getMessage());
        }
    }

    @Test
    void pathsComeFromAStringOrPathColumn() throws Exception {
        DataTableSpec spec = NodeTestKit.spec("Subject", StringCell.TYPE, "File", StringCell.TYPE);
        BufferedDataTable in = NodeTestKit.table(spec,
            NodeTestKit.row("r1", new StringCell("s1"), new StringCell(folder.resolve("sub/b.nii").toString())),
            NodeTestKit.row("r2", new StringCell("s2"), new StringCell(folder.toString())),
            NodeTestKit.row("r3", new StringCell("s3"), new StringCell(folder.resolve("sub").toUri().toString())));
        NiftiReaderNodeModel m = fresh();
        NodeTestKit.configureSettings(m, s -> s.addString("path_column", "File"));
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        assertEquals(List.of("b", "a", "b (2)"), rows.stream().map(r -> r.getKey().getString()).toList(),
            "a folder gives its NIfTI files; a repeated name a unique row ID");
        assertArrayEquals(b.data(), NodeTestKit.volume(rows.get(0), 0).data());

        BufferedDataTable paths = FsNodes.pathTable("Location", new FSLocation(FSCategory.LOCAL,
            folder.resolve("a.nii.gz").toString()), new FSLocation(FSCategory.LOCAL, folder.resolve("sub/b.nii").toString()));
        NiftiReaderNodeModel fromPaths = fresh();
        NodeTestKit.configure(fromPaths, paths.getDataTableSpec());
        assertEquals("Path column not set: using 'Location'", ShimHeadless.warningMessage(fromPaths),
            "a Path column is the default");
        List<DataRow> read = NodeTestKit.rows(NodeTestKit.run(fromPaths, paths)[0]);
        assertEquals(List.of("a", "b"), read.stream().map(r -> r.getKey().getString()).toList());

        NodeTestKit.configureSettings(m, s -> s.addString("path_column", "Age"));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, spec));
        assertEquals("Path column: the input table has no column 'Age'; its Path and string columns are 'Subject', "
            + "'File'", e.getMessage());

        BufferedDataTable gone = NodeTestKit.table(spec, NodeTestKit.row("r1", new StringCell("s1"), new StringCell("/no/such.nii")));
        NodeTestKit.configureSettings(m, s -> s.addString("path_column", "File"));
        Exception nf = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(m, gone));
        assertEquals("Row r1, column 'File': file or folder not found: /no/such.nii", nf.getMessage());
    }

    @Test
    void readsTheChosenVolumeOfANibabel4dFile() throws Exception {
        Python.require("nibabel", "numpy");
        Path f = NodeTestKit.tmp("mrisr-reader-4d").resolve("series.nii.gz");
        // Volume t holds 10 t + x: volume and voxel order are both visible in the values.
        Python.run("import sys, numpy as np, nibabel as nib\n"
            + "d = np.zeros((4, 3, 2, 3), np.int16)\n"
            + "for t in range(3):\n"
            + "    d[..., t] = 10 * t + np.arange(4)[:, None, None]\n"
            + "nib.save(nib.Nifti1Image(d, np.diag([2.0, 2.0, 3.0, 1.0])), sys.argv[1])\n", f.toString());
        NiftiReaderNodeModel m = local(f, FilterMode.FILE, false);
        NodeTestKit.configureSettings(m, s -> s.addInt("volume_index", 2));
        DataRow r = NodeTestKit.rows(NodeTestKit.run(m, NONE)[0]).get(0);
        Volume v = NodeTestKit.volume(r, 0);
        assertArrayEquals(new int[] {4, 3, 2}, v.shape());
        assertEquals(23f, v.get(3, 1, 1));
        assertEquals(20f, v.get(0, 2, 0));
        assertEquals(3L, ((LongValue)r.getCell(8)).getLongValue());
        assertEquals(3.0, ((DoubleValue)r.getCell(6)).getDoubleValue(), 1e-6);
        assertEquals("int16", ((StringValue)r.getCell(7)).getStringValue().toLowerCase(Locale.ROOT).replace("_", ""),
            "datatype label");
    }

    @Test
    void nonFiniteVoxelsOfAFileAreBackgroundWithAWarningNamingTheFileOrRefused() throws Exception {
        Path file = NodeTestKit.tmp("mrisr-reader-nan").resolve(NonFiniteNodeCheck.ROW + ".nii");
        NiftiWriter.write(NonFiniteNodeCheck.poisoned(NodeTestKit.ch2betCrop(12)), file);
        NiftiReaderNodeModel m = local(file, FilterMode.FILE, false);
        NonFiniteNodeCheck.check(m, node -> NonFiniteNodeCheck.column(NodeTestKit.run(node, NONE)[0], 0),
            file + ": ", file.toString());
        // refused also when unreadable files are skipped: a refusal is not a file the reader cannot read
        NodeTestKit.configureSettings(m, s -> {
            s.addBoolean("skip_bad_files", true);
            s.addString(NonFiniteVoxels.KEY, NonFiniteVoxels.REFUSE);
        });
        Exception e = assertThrows(Exception.class, () -> NodeTestKit.run(m, NONE));
        assertEquals(file + ": has " + NonFiniteNodeCheck.COUNTS + "; replace them (e.g. with 0 outside the brain) or let "
            + "mrisr treat them as background (non-finite policy 'zero') (option 'Non-finite voxels' is 'refuse')",
            e.getMessage());
    }
}
