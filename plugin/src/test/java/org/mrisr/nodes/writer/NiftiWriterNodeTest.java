package org.mrisr.nodes.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.data.location.FSLocationValue;
import org.knime.filehandling.core.data.location.FSLocationValueMetaData;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.knimeshim.fs.ShimConnector;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.LegacySettings;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.NonFiniteNodeCheck;

class NiftiWriterNodeTest {
    private static final DataTableSpec SPEC = NodeTestKit.spec("Volume", VolumeCell.TYPE, "Subject", StringCell.TYPE);

    private static BufferedDataTable table(final Volume v1, final Volume v2) {
        return NodeTestKit.table(SPEC, NodeTestKit.row("r1", NodeTestKit.cell(v1), new StringCell("s01")),
            NodeTestKit.row("r2", NodeTestKit.cell(v2), new StringCell("s02")));
    }

    static NiftiWriterNodeModel fresh() {
        return ShimNodeCreation.createNodeModel(new NiftiWriterNodeFactory());
    }

    /** A writer into the folder, as KNIME applies its dialog's settings. */
    static NiftiWriterNodeModel model(final NiftiWriterNodeModel m, final FSLocation folder, final String pattern,
        final boolean gzip, final FileOverwritePolicy policy) throws InvalidSettingsException {
        m.settings().output.setLocation(folder);
        m.settings().output.setFileOverwritePolicy(policy);
        NodeTestKit.configureSettings(m, s -> {
            s.addString("volume_column", "Volume");
            s.addString("file_name_pattern", pattern);
            s.addBoolean("gzip", gzip);
        });
        return m;
    }

    private static NiftiWriterNodeModel model(final Path folder, final String pattern, final boolean gzip,
        final FileOverwritePolicy policy) throws InvalidSettingsException {
        return model(fresh(), new FSLocation(FSCategory.LOCAL, folder.toString()), pattern, gzip, policy);
    }

    private static FSLocation written(final DataRow row) {
        return ((FSLocationValue)row.getCell(2)).getFSLocation();
    }

    @Test
    void writesEveryRowAndAppendsAPathColumnOfTheFiles() throws Exception {
        Volume v1 = NodeTestKit.ch2betCrop(20);
        Volume v2 = NodeTestKit.ch2betCrop(12);
        Path out = NodeTestKit.tmp("mrisr-writer").resolve("new/sub");
        BufferedDataTable t = NodeTestKit.run(model(out, "{rowid}_{Subject}", true, FileOverwritePolicy.FAIL),
            table(v1, v2))[0];
        DataColumnSpec col = t.getDataTableSpec().getColumnSpec(2);
        assertEquals("Written path", col.getName());
        assertTrue(col.getType().isCompatible(FSLocationValue.class), "a Path column");
        assertEquals(new FSLocationValueMetaData(FSCategory.LOCAL.name(), null),
            col.getMetaDataOfType(FSLocationValueMetaData.class).orElseThrow(), "with the file system it points into");
        List<DataRow> rows = NodeTestKit.rows(t);
        Path p1 = out.resolve("r1_s01.nii.gz");
        assertEquals(new FSLocation(FSCategory.LOCAL, p1.toString()), written(rows.get(0)));
        Volume back = NiftiReader.read(p1);
        assertArrayEquals(v1.data(), back.data());
        assertEquals(0.0, v1.affine().maxAbsDifference(back.affine()), 1e-4);
        assertArrayEquals(v2.shape(), NiftiReader.read(out.resolve("r2_s02.nii.gz")).shape());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void relativeToTheWorkflowAndItsMountpoint() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path mount = NodeTestKit.tmp("mrisr-writer-mount");
        Path workflow = Files.createDirectories(mount.resolve("project/workflow"));
        try (var ctx = ShimWorkflowContext.set(workflow, mount)) {
            BufferedDataTable t = NodeTestKit.run(model(fresh(), new FSLocation(FSCategory.RELATIVE,
                RelativeTo.WORKFLOW.getSettingsValue(), "../results"), "{rowid}", false, FileOverwritePolicy.FAIL),
                table(v, v))[0];
            assertArrayEquals(v.data(), NiftiReader.read(mount.resolve("project/results/r1.nii")).data());
            assertEquals(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(), "../results/r1.nii"),
                written(NodeTestKit.rows(t).get(0)), "a location relative to the workflow, like the setting");
            NodeTestKit.run(model(fresh(), new FSLocation(FSCategory.RELATIVE, RelativeTo.MOUNTPOINT.getSettingsValue(),
                "all"), "{Subject}", true, FileOverwritePolicy.FAIL), table(v, v));
            assertTrue(Files.isRegularFile(mount.resolve("all/s02.nii.gz")));
        }
    }

    @Test
    void ifExistsFailNamesTheFileAndWritesNothingIgnoreKeepsItOverwriteReplacesIt() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-exists");
        Files.writeString(out.resolve("r2.nii"), "keep me");
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(out, "{rowid}", false, FileOverwritePolicy.FAIL), table(v, v)));
        assertEquals("File " + out.resolve("r2.nii") + " already exists (If exists: fail): choose 'overwrite' (replace it) "
            + "or 'ignore' (keep it) under 'If exists' in the node dialog, or write to another place", e.getMessage());
        assertFalse(Files.exists(out.resolve("r1.nii")), "nothing is written when one target exists");

        NiftiWriterNodeModel ignore = model(out, "{rowid}", false, FileOverwritePolicy.IGNORE);
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(ignore, table(v, v))[0]);
        assertEquals("keep me", Files.readString(out.resolve("r2.nii")));
        assertArrayEquals(v.data(), NiftiReader.read(out.resolve("r1.nii")).data());
        assertTrue(rows.get(1).getCell(2).isMissing(), "not written by this run");
        assertEquals("1 file(s) existed and were kept (If exists: ignore), rows r2", ShimHeadless.warningMessage(ignore));

        NodeTestKit.run(model(out, "{rowid}", false, FileOverwritePolicy.OVERWRITE), table(v, v));
        assertArrayEquals(v.data(), NiftiReader.read(out.resolve("r2.nii")).data());
    }

    @Test
    void aMissingFolderIsCreatedOnlyWhenAsked() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-nofolder").resolve("not/yet");
        NiftiWriterNodeModel m = model(out, "{rowid}", false, FileOverwritePolicy.FAIL);
        m.settings().output.setCreateMissingFolders(false);
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(m, table(v, v)));
        assertEquals("Output folder " + out + " does not exist: tick 'Create missing folders' or choose an existing "
            + "folder", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void twoRowsOnOneFileAreRefused() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-clash");
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.run(model(out, "same", true, FileOverwritePolicy.OVERWRITE), table(v, v)));
        assertTrue(e.getMessage().contains("'r1' and 'r2'"), e.getMessage());
    }

    @Test
    void missingVolumesPassWithAWarning() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(8);
        Path out = NodeTestKit.tmp("mrisr-writer-missing");
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("r1", NodeTestKit.cell(v), new StringCell("a")),
            NodeTestKit.row("r2", DataType.getMissingCell(), new StringCell("b")));
        NiftiWriterNodeModel m = model(out, "{rowid}", true, FileOverwritePolicy.FAIL);
        List<DataRow> rows = NodeTestKit.rows(NodeTestKit.run(m, in)[0]);
        assertTrue(rows.get(1).getCell(2).isMissing());
        assertEquals("1 row(s) have no volume and were not written", ShimHeadless.warningMessage(m));
    }

    @Test
    void configureExplainsBadColumnsPatternsAndAnEmptyFolder() throws Exception {
        NiftiWriterNodeModel m = model(Path.of("/tmp"), "{rowid}", true, FileOverwritePolicy.FAIL);
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

        Exception noFolder = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.configure(fresh(), SPEC));
        assertEquals("Please specify a folder", noFolder.getMessage(), "KNIME's message for an empty location");
    }

    @Test
    void int16StorageIsSmallerAndClose() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(16);
        Path out = NodeTestKit.tmp("mrisr-writer-int16");
        NiftiWriterNodeModel m = model(out, "{rowid}", false, FileOverwritePolicy.FAIL);
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

    @Test
    void writesIntoTheConnectedFileSystem() throws Exception {
        Volume v1 = NodeTestKit.ch2betCrop(12);
        Volume v2 = NodeTestKit.ch2betCrop(10);
        Path zipFile = NodeTestKit.tmp("mrisr-writer-zip").resolve("results.zip");
        String fs;
        try (ShimConnector zip = ShimConnector.zip(zipFile)) {
            fs = zip.spec().getFSLocationSpec().getFileSystemSpecifier().orElseThrow();
            NiftiWriterNodeModel m = model(FsNodes.withConnection(new NiftiWriterNodeFactory()),
                new FSLocation(FSCategory.CONNECTED, fs, "/sr"), "{Subject}", true, FileOverwritePolicy.FAIL);
            ShimHeadless.configure(m, zip.spec(), SPEC);
            BufferedDataTable t = (BufferedDataTable)ShimHeadless.execute(m, ShimHeadless.executionContext(),
                zip.portObject(), table(v1, v2))[0];
            assertEquals(new FSLocationValueMetaData(FSCategory.CONNECTED.name(), fs), t.getDataTableSpec()
                .getColumnSpec(2).getMetaDataOfType(FSLocationValueMetaData.class).orElseThrow());
            assertEquals(new FSLocation(FSCategory.CONNECTED, fs, "/sr/s02.nii.gz"), written(NodeTestKit.rows(t).get(1)));
        }
        try (FileSystem written = FileSystems.newFileSystem(zipFile)) {
            assertArrayEquals(v1.data(), NiftiReader.read(written.getPath("/sr/s01.nii.gz")).data());
            assertArrayEquals(v2.data(), NiftiReader.read(written.getPath("/sr/s02.nii.gz")).data());
            try (Stream<Path> files = Files.list(written.getPath("/sr"))) {
                assertEquals(2, files.count(), "no temporary files left in the zip");
            }
        }
    }

    @Test
    void settingsOfVersion01KeepFolderPolicyAndOptions() throws Exception {
        NiftiWriterNodeModel m = fresh();
        ShimHeadless.validateSettings(m, LegacySettings.model("writer.xml"));
        ShimHeadless.loadSettings(m, LegacySettings.model("writer.xml"));
        assertEquals(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW.getSettingsValue(), "../results"),
            m.settings().output.getLocation());
        assertEquals(FileOverwritePolicy.OVERWRITE, m.settings().output.getFileOverwritePolicy(), "overwrite was on");
        assertTrue(m.settings().output.isCreateMissingFolders(), "0.1 created missing folders");
        assertEquals("SR volume", m.settings().volumeColumn.getStringValue());
        assertEquals("sub-{Subject}_sr", m.settings().pattern.getStringValue());
        assertFalse(m.settings().gzip.getBooleanValue());
        assertEquals(NiftiWriterSettings.INT16, m.settings().storage.getStringValue());
        NiftiWriterNodeModel again = fresh();
        ShimHeadless.loadSettings(again, ShimHeadless.saveSettings(m));
        assertEquals(ShimHeadless.saveSettings(m), ShimHeadless.saveSettings(again));

        var old = LegacySettings.model("writer.xml");
        old.addBoolean("overwrite", false);
        old.addString("folder", "https://example.org/out");
        NiftiWriterNodeModel url = fresh();
        Exception e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.loadSettings(url, old));
        assertEquals("Output folder 'https://example.org/out' (saved by mrisr 0.1) is a Custom/KNIME URL location, "
            + "which this node does not offer here: choose the location again in the node dialog", e.getMessage());
    }

    @Test
    void settingsOfVersion01WriteWhereVersion01WroteAndAFreshWriterFailsOnAnExistingFile() throws Exception {
        Volume v = NodeTestKit.ch2betCrop(12);
        Path mount = NodeTestKit.tmp("mrisr-writer-legacy");
        Path workflow = Files.createDirectories(mount.resolve("study/flow"));
        NiftiWriterNodeModel m = fresh();
        ShimHeadless.validateSettings(m, LegacySettings.model("writer.xml"));
        ShimHeadless.loadSettings(m, LegacySettings.model("writer.xml"));
        DataTableSpec spec = NodeTestKit.spec("SR volume", VolumeCell.TYPE, "Subject", StringCell.TYPE);
        BufferedDataTable t = NodeTestKit.table(spec, NodeTestKit.row("r1", NodeTestKit.cell(v), new StringCell("01")));
        Path file = mount.resolve("study/results/sub-01_sr.nii");
        try (var ctx = ShimWorkflowContext.set(workflow, mount)) {
            // knime://knime.workflow/../results, not gzipped, int16, missing folder created, as 0.1 did
            NodeTestKit.run(m, t);
            float[] mm = v.minMax();
            double tol = (mm[1] - mm[0]) / 65535.0;
            float[] back = NiftiReader.read(file).data();
            for (int i = 0; i < back.length; i++) {
                assertEquals(v.data()[i], back[i], tol, "voxel " + i);
            }
            // overwrite was on in 0.1: a second run replaces the file
            NodeTestKit.run(m, t);
        }
        // the default if-exists policy of a new writer is fail: the file is not replaced
        NiftiWriterNodeModel dflt = fresh();
        assertEquals(FileOverwritePolicy.FAIL, dflt.settings().output.getFileOverwritePolicy());
        byte[] before = Files.readAllBytes(file);
        NodeTestKit.configureSettings(dflt, s -> {
            s.addString("volume_column", "SR volume");
            s.addString("file_name_pattern", "sub-{Subject}_sr");
            s.addBoolean("gzip", false);
        });
        dflt.settings().output.setLocation(new FSLocation(FSCategory.LOCAL, file.getParent().toString()));
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestKit.run(dflt, t));
        assertTrue(e.getMessage().startsWith("File " + file + " already exists (If exists: fail)"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void noFileEverHoldsANonFiniteVoxelAndRefuseWritesNothing() throws Exception {
        Volume clean = NodeTestKit.ch2betCrop(12);
        BufferedDataTable in = NodeTestKit.table(SPEC, NodeTestKit.row("r1", NodeTestKit.cell(clean), new StringCell("a")),
            NodeTestKit.row(NonFiniteNodeCheck.ROW, NodeTestKit.cell(NonFiniteNodeCheck.poisoned(clean)),
                new StringCell("b")));
        Path out = NodeTestKit.tmp("mrisr-writer-nan");
        NiftiWriterNodeModel m = model(out, "{rowid}", false, FileOverwritePolicy.OVERWRITE);
        NonFiniteNodeCheck.check(m, node -> {
            NodeTestKit.run(node, in);
            return List.of(NiftiReader.read(out.resolve("r1.nii")),
                NiftiReader.read(out.resolve(NonFiniteNodeCheck.ROW + ".nii")));
        });
        // refuse: checked before the first file is written, so the finite row r1 (first) is not written either
        Path none = NodeTestKit.tmp("mrisr-writer-nan-refused");
        NiftiWriterNodeModel refuse = model(none, "{rowid}", false, FileOverwritePolicy.FAIL);
        NodeTestKit.configureSettings(refuse, s -> s.addString(NonFiniteVoxels.KEY, NonFiniteVoxels.REFUSE));
        Exception e = assertThrows(Exception.class, () -> NodeTestKit.run(refuse, in));
        assertTrue(e.getMessage().startsWith("Row " + NonFiniteNodeCheck.ROW + ": column 'Volume': has "
            + NonFiniteNodeCheck.COUNTS), e.getMessage());
        try (Stream<Path> files = Files.list(none)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
