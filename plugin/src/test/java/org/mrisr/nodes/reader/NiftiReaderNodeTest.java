package org.mrisr.nodes.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimNodePersistence;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.nodes.view.SliceViewerPanel;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

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

    private static NiftiReaderNodeModel model(final String location, final boolean recursive, final boolean skip)
        throws InvalidSettingsException {
        NiftiReaderNodeModel m = new NiftiReaderNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("location", location);
            s.addBoolean("recursive", recursive);
            s.addBoolean("skip_bad_files", skip);
        });
        return m;
    }

    @Test
    void readsTheRealTemplateWithItsHeaderFacts() throws Exception {
        Path ch2 = RealData.mricron("ch2bet.nii.gz");
        BufferedDataTable t = NodeTestKit.run(model(ch2.toString(), false, false), NONE)[0];
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
    void folderScanIsSortedAndRecursiveOnlyWhenAsked() throws Exception {
        List<DataRow> flat = NodeTestKit.rows(NodeTestKit.run(model(folder.toString(), false, false), NONE)[0]);
        assertEquals(List.of("a"), flat.stream().map(r -> r.getKey().getString()).toList());
        assertArrayEquals(a.data(), NodeTestKit.volume(flat.get(0), 0).data());

        List<DataRow> deep = NodeTestKit.rows(NodeTestKit.run(model(folder.toString(), true, false), NONE)[0]);
        assertEquals(List.of("a", "b"), deep.stream().map(r -> r.getKey().getString()).toList());
        assertArrayEquals(b.data(), NodeTestKit.volume(deep.get(1), 0).data());
        assertEquals(0.0, b.affine().maxAbsDifference(NodeTestKit.volume(deep.get(1), 0).affine()), 1e-4);
    }

    @Test
    void severalPathsAndRepeatedNamesGiveUniqueRowIds() throws Exception {
        Path other = NodeTestKit.tmp("mrisr-reader2");
        NiftiWriter.write(b, other.resolve("a.nii"));
        String loc = folder.resolve("a.nii.gz") + ";" + other.resolve("a.nii");
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(model(loc, false, false), NONE)[0]);
        assertEquals(List.of("a", "a (2)"), rows.stream().map(r -> r.getKey().getString()).toList());
    }

    @Test
    void badFileFailsNamingItOrIsSkippedWithAWarning() throws Exception {
        Path bad = NodeTestKit.tmp("mrisr-reader-bad");
        NiftiWriter.write(a, bad.resolve("good.nii"));
        Files.write(bad.resolve("broken.nii"), new byte[100]);
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(bad.toString(), false, false), NONE));
        assertTrue(e.getMessage().contains("broken.nii"), e.getMessage());
        assertTrue(e.getMessage().contains("Skip unreadable files"), e.getMessage());

        NiftiReaderNodeModel m = model(bad.toString(), false, true);
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, NONE)[0]);
        assertEquals(List.of("good"), rows.stream().map(r -> r.getKey().getString()).toList());
        assertTrue(ShimHeadless.warningMessage(m).contains("broken.nii"), ShimHeadless.warningMessage(m));
    }

    @Test
    void configureRejectsMissingAndEmptyLocations() throws Exception {
        NiftiReaderNodeModel fresh = new NiftiReaderNodeFactory().createNodeModel();
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(fresh, (DataTableSpec)null));
        assertTrue(e.getMessage().contains("No file or folder given"), e.getMessage());

        Exception missing = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.configure(model("/no/such/dir/x.nii", false, false), (DataTableSpec)null));
        assertTrue(missing.getMessage().contains("/no/such/dir/x.nii"), missing.getMessage());

        Path empty = NodeTestKit.tmp("mrisr-empty");
        Exception none = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(empty.toString(), false, false), NONE));
        assertTrue(none.getMessage().contains("No NIfTI files"), none.getMessage());
    }

    @Test
    void validateRefusesBadSettingsWithoutTouchingTheModel() throws Exception {
        NiftiReaderNodeModel m = model(folder.toString(), false, false);
        var s2 = ShimHeadless.saveSettings(m);
        s2.addInt("volume_index", -1);
        assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s2));
    }

    @Test
    void volumeIndexBeyondTheFileIsAClearError() throws Exception {
        NiftiReaderNodeModel m = model(folder.resolve("a.nii.gz").toString(), false, false);
        NodeTestKit.configureSettings(m, s -> s.addInt("volume_index", 3));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(m, NONE));
        assertTrue(e.getMessage().contains("a.nii.gz"), e.getMessage());
    }

    @Test
    void cancellationStopsBeforeReading() throws Exception {
        NiftiReaderNodeModel m = model(folder.toString(), true, false);
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class,
            () -> NodeTestKit.runUnconnected(m, ShimHeadless.executionContext(mon)));
    }

    @Test
    void progressReachesTheLastFile() throws Exception {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        NodeTestKit.runUnconnected(model(folder.toString(), true, false), ShimHeadless.executionContext(mon));
        assertTrue(mon.getMessage().contains("2/2"), mon.getMessage());
    }

    @Test
    void resetForgetsTheViewedTable() throws Exception {
        NiftiReaderNodeModel m = model(folder.toString(), false, false);
        NodeTestKit.run(m, NONE);
        assertEquals(1, m.viewTable().size());
        ShimHeadless.reset(m);
        assertNull(m.viewTable());
    }

    @Test
    void theViewShowsTheVolumesAgainAfterTheWorkflowIsReopened() throws Exception {
        NiftiReaderNodeModel m = model(folder.toString(), true, false);
        NodeTestKit.run(m, NONE);
        NiftiReaderNodeModel reopened = ShimNodePersistence.saveAndReopen(new NiftiReaderNodeFactory(), m);
        assertEquals(2, reopened.viewTable().size(), "KNIME hands the internal table back");
        // What the node's SliceViewerNodeView shows (its panel; KNIME builds no NodeView headless).
        SliceViewerPanel panel = new SliceViewerPanel();
        panel.setTable(reopened.viewTable());
        assertArrayEquals(a.data(), panel.shownVolume().data());

        NiftiReaderNodeModel notRun = ShimNodePersistence.saveAndReopen(new NiftiReaderNodeFactory(),
            model(folder.toString(), true, false));
        assertNull(notRun.viewTable(), "a node saved before execution has nothing to show");
    }

    @Test
    void knimeUrlsResolveAgainstTheWorkflowAndItsMountPoint() throws Exception {
        Path workflow = Files.createDirectories(folder.resolve("workflows/study"));
        try (var ctx = ShimWorkflowContext.set(workflow, folder)) {
            List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(
                model("knime://knime.workflow/../../a.nii.gz; knime://knime.mountpoint/sub/b.nii", false, false), NONE)[0]);
            assertEquals(List.of("a", "b"), rows.stream().map(r -> r.getKey().getString()).toList());
            assertArrayEquals(a.data(), NodeTestKit.volume(rows.get(0), 0).data());
            assertEquals(folder.resolve("sub/b.nii").toAbsolutePath().normalize().toString(),
                Path.of(((StringValue)rows.get(1).getCell(9)).getStringValue()).normalize().toString());

            DataTableSpec spec = NodeTestKit.spec("File", StringCell.TYPE);
            NiftiReaderNodeModel fromColumn = model("", false, false);
            NodeTestKit.configureSettings(fromColumn, s -> s.addString("path_column", "File"));
            BufferedDataTable in = NodeTestKit.table(spec,
                NodeTestKit.row("r1", new StringCell("knime://knime.mountpoint/sub/b.nii")));
            assertArrayEquals(b.data(), NodeTestKit.volume(NodeTestKit.rows(NodeTestKit.run(fromColumn, in)[0]).get(0), 0).data());

            Exception remote = assertThrows(InvalidSettingsException.class,
                () -> NodeTestKit.configure(model("https://example.org/t1.nii.gz", false, false), (DataTableSpec)null));
            assertTrue(remote.getMessage().startsWith("Location: 'https://example.org/t1.nii.gz' is not a local file"),
                remote.getMessage());
            Exception unknown = assertThrows(InvalidSettingsException.class,
                () -> NodeTestKit.configure(model("knime://no-such-mount/t1.nii.gz", false, false), (DataTableSpec)null));
            assertTrue(unknown.getMessage().startsWith("Location: cannot resolve 'knime://no-such-mount/t1.nii.gz'"),
                unknown.getMessage());
        }
    }

    @Test
    void pathsCanComeFromAnInputColumn() throws Exception {
        DataTableSpec spec = NodeTestKit.spec("Subject", StringCell.TYPE, "File", StringCell.TYPE);
        BufferedDataTable in = NodeTestKit.table(spec,
            NodeTestKit.row("r1", new StringCell("s1"), new StringCell(folder.resolve("sub/b.nii").toString())),
            NodeTestKit.row("r2", new StringCell("s2"), new StringCell(folder.toString())));
        NiftiReaderNodeModel m = model("", false, false);
        NodeTestKit.configureSettings(m, s -> s.addString("path_column", "File"));
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        assertEquals(List.of("b", "a"), rows.stream().map(r -> r.getKey().getString()).toList());
        assertArrayEquals(b.data(), NodeTestKit.volume(rows.get(0), 0).data());

        NodeTestKit.configureSettings(m, s -> s.addString("path_column", "Age"));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, spec));
        assertTrue(e.getMessage().contains("no column 'Age'") && e.getMessage().contains("'Subject', 'File'"), e.getMessage());

        BufferedDataTable gone = NodeTestKit.table(spec, NodeTestKit.row("r1", new StringCell("s1"), new StringCell("/no/such.nii")));
        NodeTestKit.configureSettings(m, s -> s.addString("path_column", "File"));
        Exception nf = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(m, gone));
        assertTrue(nf.getMessage().contains("/no/such.nii"), nf.getMessage());
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
        NiftiReaderNodeModel m = model(f.toString(), false, false);
        NodeTestKit.configureSettings(m, s -> s.addInt("volume_index", 2));
        DataRow r = NodeTestKit.rows(NodeTestKit.run(m, NONE)[0]).get(0);
        Volume v = NodeTestKit.volume(r, 0);
        assertArrayEquals(new int[] {4, 3, 2}, v.shape());
        assertEquals(23f, v.get(3, 1, 1));
        assertEquals(20f, v.get(0, 2, 0));
        assertEquals(3L, ((LongValue)r.getCell(8)).getLongValue());
        assertEquals(3.0, ((DoubleValue)r.getCell(6)).getDoubleValue(), 1e-6);
        assertEquals("int16", ((StringValue)r.getCell(7)).getStringValue().toLowerCase(java.util.Locale.ROOT).replace("_", ""),
            "datatype label");
    }
}
