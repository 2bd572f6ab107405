package org.mrisr.nodes.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.fs.ShimConnector;
import org.mrisr.nodes.degrade.DegradeNodeFactory;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.writer.NiftiWriterNodeFactory;

/**
 * A workflow whose data live on a connected, non-local file system (the shim's zip file system standing in for
 * a Hub space or S3): NIfTI Reader (connection port) → Degrade → NIfTI Writer (connection port) back into the
 * same file system → NIfTI Reader fed by the Writer's Path column. Offline, with the stand-in API.
 */
class FileSystemWorkflowTest {
    @TempDir
    Path tmp;

    private static BufferedDataTable run(final NodeModel m, final ShimConnector zip, final BufferedDataTable table)
        throws Exception {
        ShimHeadless.configure(m, zip.spec(), table == null ? null : table.getDataTableSpec());
        PortObject[] out = ShimHeadless.execute(m, ShimHeadless.executionContext(), zip.portObject(), table);
        return (BufferedDataTable)out[0];
    }

    /** The settings as KNIME stores them in settings.xml and loads them into a new node of the same ports. */
    private static NodeModel reloaded(final NodeModel m, final NodeModel fresh) throws Exception {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ShimHeadless.saveSettings(m).saveToXML(xml);
        NodeSettings back = (NodeSettings)NodeSettings.loadFromXML(new ByteArrayInputStream(xml.toByteArray()));
        ShimHeadless.validateSettings(fresh, back);
        ShimHeadless.loadSettings(fresh, back);
        assertEquals(ShimHeadless.saveSettings(m), ShimHeadless.saveSettings(fresh), "settings save and reload unchanged");
        return fresh;
    }

    @Test
    void readDegradeAndWriteBackThroughTheConnectedFileSystem() throws Exception {
        Volume a = NodeTestKit.ch2betCrop(24);
        Volume b = NodeTestKit.ch2betCrop(20);
        Path zipFile = tmp.resolve("study.zip");
        List<DataRow> lr;
        try (ShimConnector zip = ShimConnector.zip(zipFile)) {
            String fs = zip.spec().getFSLocationSpec().getFileSystemSpecifier().orElseThrow();
            Path raw = Files.createDirectories(zip.connection().getFileSystem().getPath("/raw"));
            NiftiWriter.write(a, raw.resolve("sub-01.nii.gz"));
            NiftiWriter.write(b, raw.resolve("sub-02.nii.gz"));
            Files.writeString(raw.resolve("README.txt"), "two subjects");

            NodeModel reader = FsNodes.withConnection(new NiftiReaderNodeFactory());
            NodeTestKit.configureSettings(reader, FsNodes.connected("input", fs, "/raw")
                .andThen(FsNodes.mode("input", FilterMode.FILES_IN_FOLDERS, false)));
            reader = reloaded(reader, FsNodes.withConnection(new NiftiReaderNodeFactory()));
            BufferedDataTable read = run(reader, zip, null);
            assertEquals(2, read.size());

            NodeModel degrade = ShimNodeCreation.createNodeModel(new DegradeNodeFactory());
            NodeTestKit.configureSettings(degrade, s -> s.addString("hr_column", "Volume"));
            BufferedDataTable degraded = NodeTestKit.run(degrade, read)[0];
            lr = NodeTestKit.rows(degraded);

            NodeModel writer = FsNodes.withConnection(new NiftiWriterNodeFactory());
            NodeTestKit.configureSettings(writer, FsNodes.connected("output", fs, "/derivatives/lr").andThen(s -> {
                s.addString("volume_column", "LR volume");
                s.addString("file_name_pattern", "{rowid}_lr");
            }));
            writer = reloaded(writer, FsNodes.withConnection(new NiftiWriterNodeFactory()));
            BufferedDataTable written = run(writer, zip, degraded);

            NodeModel again = FsNodes.withConnection(new NiftiReaderNodeFactory());
            NodeTestKit.configureSettings(again, s -> s.addString("path_column", "Written path"));
            PortObjectSpec[] spec = ShimHeadless.configure(again, zip.spec(), written.getDataTableSpec());
            assertTrue(spec[0] != null);
            List<DataRow> back = NodeTestKit.rows((BufferedDataTable)ShimHeadless.execute(again,
                ShimHeadless.executionContext(), zip.portObject(), written)[0]);
            assertEquals(List.of("sub-01_lr", "sub-02_lr"), back.stream().map(r -> r.getKey().getString()).toList());
            int lrCol = degraded.getDataTableSpec().findColumnIndex("LR volume");
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(NodeTestKit.volume(lr.get(i), lrCol).data(), NodeTestKit.volume(back.get(i), 0).data(),
                    "the Writer's Path column leads the Reader to what was written");
            }
        }
        try (FileSystem study = FileSystems.newFileSystem(zipFile);
                Stream<Path> files = Files.list(study.getPath("/derivatives/lr"))) {
            assertEquals(List.of("/derivatives/lr/sub-01_lr.nii.gz", "/derivatives/lr/sub-02_lr.nii.gz"),
                files.map(Path::toString).sorted().toList(), "the results are in the zip, and nothing else");
            assertArrayEquals(new int[] {12, 12, 12}, NiftiReader.read(study.getPath("/derivatives/lr/sub-01_lr.nii.gz"))
                .shape());
        }
        try (Stream<Path> local = Files.list(tmp)) {
            assertEquals(List.of(zipFile), local.toList(), "nothing written beside the zip on the local disk");
        }
    }
}
