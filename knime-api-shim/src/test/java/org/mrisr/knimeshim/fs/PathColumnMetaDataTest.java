package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ShimHeadless;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.data.location.FSLocationValueMetaData;
import org.knime.filehandling.core.data.location.cell.SimpleFSLocationCellFactory;
import org.knime.filehandling.core.port.FileSystemPortObjectSpec;
import org.knime.filehandling.core.util.FSLocationColumnUtils;
import org.knime.filehandling.core.util.FSMissingMetadataException;
import org.mrisr.knimeshim.ShimTableIO;

/** The meta data of "Path" columns: on specs, in tables, and the checks readers of path columns make. */
class PathColumnMetaDataTest {
    @TempDir
    Path m_tmp;

    private static DataColumnSpec pathColumn(final FSLocationValueMetaData meta) {
        DataColumnSpecCreator c = new DataColumnSpecCreator("Path", SimpleFSLocationCellFactory.TYPE);
        if (meta != null) {
            c.addMetaData(meta, true);
        }
        return c.createSpec();
    }

    @Test
    void specsCarryMergeAndCompareMetaData() {
        DataColumnSpecCreator c = new DataColumnSpecCreator("Path", SimpleFSLocationCellFactory.TYPE);
        c.addMetaData(new FSLocationValueMetaData("LOCAL", null), true);
        c.addMetaData(new FSLocationValueMetaData("CONNECTED", "shim-zip:a.zip"), false);
        DataColumnSpec spec = c.createSpec();
        assertEquals(Set.of(new DefaultFSLocationSpec(FSCategory.LOCAL),
            new DefaultFSLocationSpec(FSCategory.CONNECTED, "shim-zip:a.zip")),
            spec.getMetaDataOfType(FSLocationValueMetaData.class).orElseThrow().getFSLocationSpecs());
        assertNotEquals(pathColumn(null), spec, "meta data is part of a column spec's identity (as in KNIME)");
        assertEquals(spec, new DataColumnSpecCreator(spec).createSpec());
        DataColumnSpecCreator removed = new DataColumnSpecCreator(spec);
        removed.removeAllMetaData();
        assertEquals(Optional.empty(), removed.createSpec().getMetaDataOfType(FSLocationValueMetaData.class));
    }

    @Test
    void tablesKeepTheMetaData() throws Exception {
        FSLocation loc = new FSLocation(FSCategory.CONNECTED, "shim-zip:a.zip", "/x.nii");
        DataTableSpec spec = new DataTableSpec(pathColumn(new FSLocationValueMetaData(loc.getFileSystemCategory(), "shim-zip:a.zip")));
        BufferedDataTable t = ShimHeadless.table(spec,
            new DefaultRow(RowKey.createRowKey(0L), new SimpleFSLocationCellFactory(loc).createCell(loc)));
        Path file = m_tmp.resolve("t.table");
        ShimTableIO.write(t, file);
        assertEquals(spec, ShimTableIO.read(file, getClass().getClassLoader()).getDataTableSpec());
    }

    @Test
    void readersOfPathColumnsCheckTypeMetaDataAndFileSystems() throws Exception {
        InvalidSettingsException type = assertThrows(InvalidSettingsException.class, () -> FSLocationColumnUtils
            .validateFSLocationColumn(new DataColumnSpecCreator("Path", StringCell.TYPE).createSpec(), null));
        assertEquals("The selected column 'Path' has the wrong type.", type.getMessage());
        FSMissingMetadataException none = assertThrows(FSMissingMetadataException.class,
            () -> FSLocationColumnUtils.validateFSLocationColumn(pathColumn(null), null));
        assertEquals("Path column 'Path' without meta data encountered.", none.getMessage());

        DataColumnSpec local = pathColumn(new FSLocationValueMetaData("LOCAL", null));
        assertEquals(Optional.empty(), FSLocationColumnUtils.validateFSLocationColumn(local, null));
        DataColumnSpec zip = pathColumn(new FSLocationValueMetaData("CONNECTED", "shim-zip:a.zip"));
        InvalidSettingsException needsPort = assertThrows(InvalidSettingsException.class,
            () -> FSLocationColumnUtils.validateFSLocationColumn(zip, null));
        assertTrue(needsPort.getMessage().endsWith("Please add the missing file system connection port."));

        FileSystemPortObjectSpec port = new FileSystemPortObjectSpec("Zip", "id",
            new DefaultFSLocationSpec(FSCategory.CONNECTED, "shim-zip:a.zip"));
        assertEquals(Optional.empty(), FSLocationColumnUtils.validateFSLocationColumn(zip, port));
        assertTrue(FSLocationColumnUtils.validateFSLocationColumn(local, port).orElseThrow()
            .contains("will be resolved against the file system at the input port"));
    }
}
