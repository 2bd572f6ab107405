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
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.port.PortObject;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSFileSystem;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.fs.ShimConnector;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.NodeTestKit;

/**
 * The reader on a connected, non-local file system (the shim's zip file system at the connection port): every
 * byte comes through the file system's streams, .hdr/.img pairs included; Path columns as List Files/Folders
 * gives them.
 */
class NiftiReaderFileSystemsTest {
    @TempDir
    Path tmp;

    private final Volume a = NodeTestKit.ch2betCrop(20);
    private final Volume b = NodeTestKit.ch2betCrop(12);

    /** /scans/a.nii.gz, /scans/sub/b.nii, /scans/pair.hdr + pair.img (b), /scans/notes.txt in the zip. */
    private void scans(final FSFileSystem<?> zip) throws Exception {
        Path scans = Files.createDirectories(zip.getPath("/scans/sub")).getParent();
        NiftiWriter.write(a, scans.resolve("a.nii.gz"));
        NiftiWriter.write(b, scans.resolve("sub/b.nii"));
        FsNodes.writePair(b, scans.resolve("pair.hdr"), scans.resolve("pair.img"));
        Files.writeString(scans.resolve("notes.txt"), "not a volume");
    }

    private static NiftiReaderNodeModel connected(final String path, final FilterMode mode, final boolean subfolders)
        throws InvalidSettingsException {
        NiftiReaderNodeModel m = FsNodes.withConnection(new NiftiReaderNodeFactory());
        m.settings().input.setPath(path);
        m.settings().input.getFilterModeModel().setFilterMode(mode);
        m.settings().input.getFilterModeModel().setIncludeSubfolders(subfolders);
        ShimHeadless.loadSettings(m, ShimHeadless.saveSettings(m));
        return m;
    }

    private static BufferedDataTable run(final NiftiReaderNodeModel m, final ShimConnector zip,
        final BufferedDataTable table) throws Exception {
        ShimHeadless.configure(m, zip.spec(), table == null ? null : table.getDataTableSpec());
        PortObject[] out = ShimHeadless.execute(m, ShimHeadless.executionContext(), zip.portObject(), table);
        return (BufferedDataTable)out[0];
    }

    @Test
    void readsFilesInAFolderOfTheConnectedFileSystem() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(tmp.resolve("data.zip"))) {
            scans(zip.connection().getFileSystem());
            List<DataRow> rows = NodeTestKit.rows(run(connected("/scans", FilterMode.FILES_IN_FOLDERS, true), zip, null));
            assertEquals(List.of("a", "pair", "b"), rows.stream().map(r -> r.getKey().getString()).toList(),
                "sorted by path; notes.txt and pair.img skipped");
            assertArrayEquals(a.data(), NodeTestKit.volume(rows.get(0), 0).data(), "gzip inflated from the stream");
            assertArrayEquals(b.data(), NodeTestKit.volume(rows.get(1), 0).data(), "the .img found beside its .hdr");
            assertEquals(0.0, b.affine().maxAbsDifference(NodeTestKit.volume(rows.get(1), 0).affine()), 1e-4);
            assertArrayEquals(b.data(), NodeTestKit.volume(rows.get(2), 0).data());
            assertEquals("/scans/a.nii.gz", ((StringValue)rows.get(0).getCell(9)).getStringValue());

            assertEquals(List.of("a", "pair"), NodeTestKit.rows(run(connected("/scans", FilterMode.FOLDER, false), zip,
                null)).stream().map(r -> r.getKey().getString()).toList());
            assertEquals(List.of("pair"), NodeTestKit.rows(run(connected("/scans/pair.hdr", FilterMode.FILE, false), zip,
                null)).stream().map(r -> r.getKey().getString()).toList());
        }
        assertFalse(Files.exists(tmp.resolve("scans")), "nothing was unpacked to the local disk");
    }

    @Test
    void aBadFileOnTheConnectedFileSystemIsNamedWithIt() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(tmp.resolve("data.zip"))) {
            Path scans = Files.createDirectories(zip.connection().getFileSystem().getPath("/scans"));
            NiftiWriter.write(a, scans.resolve("good.nii"));
            Files.write(scans.resolve("cut.nii.gz"), new byte[] {0x1f, (byte)0x8b, 8});
            Exception e = assertThrows(InvalidSettingsException.class,
                () -> run(connected("/scans", FilterMode.FILES_IN_FOLDERS, false), zip, null));
            assertTrue(e.getMessage().startsWith("Cannot read /scans/cut.nii.gz: "), e.getMessage());
            assertTrue(e.getMessage().contains("(on Zip file (KNIME shim))"), e.getMessage());
        }
    }

    @Test
    void pathCellsOfTheConnectedFileSystemReachTheReader() throws Exception {
        try (ShimConnector zip = ShimConnector.zip(tmp.resolve("data.zip"))) {
            scans(zip.connection().getFileSystem());
            String fs = zip.spec().getFSLocationSpec().getFileSystemSpecifier().orElseThrow();
            // what List Files/Folders outputs after the same connector
            BufferedDataTable listed = FsNodes.pathTable("Path", new FSLocation(FSCategory.CONNECTED, fs, "/scans/sub/b.nii"),
                new FSLocation(FSCategory.CONNECTED, fs, "/scans/a.nii.gz"));
            NiftiReaderNodeModel m = FsNodes.withConnection(new NiftiReaderNodeFactory());
            List<DataRow> rows = NodeTestKit.rows(run(m, zip, listed));
            assertEquals(List.of("b", "a"), rows.stream().map(r -> r.getKey().getString()).toList());
            assertArrayEquals(a.data(), NodeTestKit.volume(rows.get(1), 0).data());

            BufferedDataTable strings = NodeTestKit.table(NodeTestKit.spec("File", StringCell.TYPE),
                NodeTestKit.row("r1", new StringCell("/scans/pair.hdr")));
            List<DataRow> fromStrings = NodeTestKit.rows(run(FsNodes.withConnection(new NiftiReaderNodeFactory()), zip,
                strings));
            assertArrayEquals(b.data(), NodeTestKit.volume(fromStrings.get(0), 0).data(),
                "with the port, strings are paths on the connected file system");

            NiftiReaderNodeModel noPort = NiftiReaderNodeTest.fresh();
            Exception e = assertThrows(InvalidSettingsException.class,
                () -> NodeTestKit.configure(noPort, listed.getDataTableSpec()));
            assertEquals("The selected column 'Path' references a connected file system (" + fs + "). Please add the "
                + "missing file system connection port.", e.getMessage());
        }
    }
}
