package org.mrisr.nodes.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.testing.NodeTestKit;

class NiftiWriterNodeTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("Volume", VolumeCell.TYPE, "Subject", StringCell.TYPE);

    private static BufferedDataTable table(final Volume v1, final Volume v2) {
        return NodeTestKit.table(SPEC, NodeTestKit.row("r1", NodeTestKit.cell(v1), new StringCell("s01")),
            NodeTestKit.row("r2", NodeTestKit.cell(v2), new StringCell("s02")));
    }

    private static NiftiWriterNodeModel model(final Path folder, final String pattern, final boolean gzip,
        final boolean overwrite) throws InvalidSettingsException {
        return model(folder.toString(), pattern, gzip, overwrite);
    }

    private static NiftiWriterNodeModel model(final String folder, final String pattern, final boolean gzip,
        final boolean overwrite) throws InvalidSettingsException {
        NiftiWriterNodeModel m = new NiftiWriterNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("volume_column", "Volume");
            s.addString("folder", folder);
            s.addString("file_name_pattern", pattern);
            s.addBoolean("gzip", gzip);
            s.addBoolean("overwrite", overwrite);
        });
        return m;
    }

    @Test
    void writesEveryRowAndReadsBackExactly() throws Exception {
        Volume v1 = NodeTestKit.ch2betCrop(20);
        Volume v2 = NodeTestKit.ch2betCrop(12);
        Path out = NodeTestKit.tmp("mrisr-writer").resolve("new/sub");
        BufferedDataTable t = NodeTestKit.run(model(out, "{rowid}_{Subject}", true, false), table(v1, v2))[0];
        List<DataRow> rows = NodeTestKit.rows(t);
        Path p1 = out.resolve("r1_s01.nii.gz");
        assertEquals(p1.toAbsolutePath().toString(), ((StringValue)rows.get(0).getCell(2)).getStringValue());
        Volume back = NiftiReader.read(p1);
        assertArrayEquals(v1.data(), back.data());
        assertEquals(0.0, v1.affine().maxAbsDifference(back.affine()), 1e-4);
        assertArrayEquals(v2.shape(), NiftiReader.read(out.resolve("r2_s02.nii.gz")).shape());
    }

    @Test
    void aWorkflowRelativeOutputFolderLandsBesideTheWorkflow() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path mount = NodeTestKit.tmp("mrisr-writer-mount");
        Path workflow = Files.createDirectories(mount.resolve("project/workflow"));
        try (var ctx = ShimWorkflowContext.set(workflow, mount)) {
            NodeTestKit.run(model("knime://knime.workflow/../results", "{rowid}", false, false), table(v, v));
            assertArrayEquals(v.data(), NiftiReader.read(mount.resolve("project/results/r1.nii")).data());
            NodeTestKit.run(model("knime://knime.mountpoint/all", "{Subject}", true, false), table(v, v));
            assertTrue(Files.isRegularFile(mount.resolve("all/s02.nii.gz")));
            Exception e = assertThrows(InvalidSettingsException.class,
                () -> NodeTestKit.run(model("https://example.org/out", "{rowid}", false, false), table(v, v)));
            assertTrue(e.getMessage().startsWith("Output folder: 'https://example.org/out' is not a local file"),
                e.getMessage());
        }
    }

    @Test
    void existingFileFailsNamingItAndWritesNothingUnlessOverwriteIsOn() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-exists");
        Files.writeString(out.resolve("r2.nii"), "keep me");
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(out, "{rowid}", false, false), table(v, v)));
        assertTrue(e.getMessage().contains(out.resolve("r2.nii").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Overwrite"), e.getMessage());
        assertFalse(Files.exists(out.resolve("r1.nii")), "nothing is written when one target exists");
        assertEquals("keep me", Files.readString(out.resolve("r2.nii")));

        NodeTestKit.run(model(out, "{rowid}", false, true), table(v, v));
        assertArrayEquals(v.data(), NiftiReader.read(out.resolve("r2.nii")).data());
    }

    @Test
    void twoRowsOnOneFileAreRefused() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-clash");
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(out, "same", true, true), table(v, v)));
        assertTrue(e.getMessage().contains("'r1' and 'r2'"), e.getMessage());
    }

    @Test
    void missingVolumesPassWithAWarning() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-missing");
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("r1", NodeTestKit.cell(v), new StringCell("a")),
            NodeTestKit.row("r2", DataType.getMissingCell(), new StringCell("b")));
        NiftiWriterNodeModel m = model(out, "{rowid}", true, false);
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        assertTrue(rows.get(1).getCell(2).isMissing());
        assertTrue(ShimHeadless.warningMessage(m).contains("1 row(s)"), ShimHeadless.warningMessage(m));
    }

    @Test
    void configureExplainsBadColumnsAndPatterns() throws Exception {
        NiftiWriterNodeModel m = model(Path.of("/tmp"), "{rowid}", true, false);
        NodeTestKit.configureSettings(m, s -> s.addString("volume_column", "Subject"));
        Exception wrongType = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(wrongType.getMessage().contains("'Subject' holds"), wrongType.getMessage());
        assertTrue(wrongType.getMessage().contains("'Volume'"), wrongType.getMessage());

        NodeTestKit.configureSettings(m, s -> s.addString("volume_column", "Gone"));
        Exception gone = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(gone.getMessage().contains("no column 'Gone'"), gone.getMessage());

        NodeTestKit.configureSettings(m, s -> {
            s.addString("volume_column", "Volume");
            s.addString("file_name_pattern", "{Age}");
        });
        Exception col = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(m, SPEC));
        assertTrue(col.getMessage().contains("{Age}"), col.getMessage());

        var s = ShimHeadless.saveSettings(m);
        s.addString("file_name_pattern", "../escape");
        Exception sep = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(m, s));
        assertTrue(sep.getMessage().contains("folder separator"), sep.getMessage());

        NiftiWriterNodeModel fresh = new NiftiWriterNodeFactory().createNodeModel();
        Exception noFolder = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(fresh, SPEC));
        assertTrue(noFolder.getMessage().contains("No output folder"), noFolder.getMessage());
    }

    @Test
    void int16StorageIsSmallerAndClose() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(16);
        Path out = NodeTestKit.tmp("mrisr-writer-int16");
        NiftiWriterNodeModel m = model(out, "{rowid}", false, false);
        NodeTestKit.configureSettings(m, s -> s.addString("voxel_type", NiftiWriterSettings.INT16));
        NodeTestKit.run(m, table(v, v));
        assertEquals(352 + 16 * 16 * 16 * 2, Files.size(out.resolve("r1.nii")));
        float[] back = NiftiReader.read(out.resolve("r1.nii")).data();
        float[] mm = v.minMax();
        double tol = (mm[1] - mm[0]) / 65535.0;
        for (int i = 0; i < back.length; i++) {
            assertEquals(v.data()[i], back[i], tol, "voxel " + i);
        }
    }
}
