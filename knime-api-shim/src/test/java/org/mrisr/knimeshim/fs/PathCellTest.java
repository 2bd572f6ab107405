package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ShimHeadless;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.data.location.FSLocationValue;
import org.knime.filehandling.core.data.location.cell.SimpleFSLocationCell;
import org.knime.filehandling.core.data.location.cell.SimpleFSLocationCellFactory;
import org.mrisr.knimeshim.CellStreams;
import org.mrisr.knimeshim.ShimCellSerializers;
import org.mrisr.knimeshim.ShimTableIO;

/** "Path" cells: creation through the factory, value access, equality, serialisation, tables. */
class PathCellTest {
    @TempDir
    Path m_tmp;

    private static final FSLocation SCAN =
        new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW_DATA.getSettingsValue(), "sub-01/anat/T1w.nii.gz");

    @Test
    void factoryCellsCarryTheirLocation() {
        SimpleFSLocationCellFactory f = new SimpleFSLocationCellFactory(SCAN);
        SimpleFSLocationCell cell = f.createCell(SCAN);
        assertEquals(SCAN, ((FSLocationValue)cell).getFSLocation());
        assertEquals("sub-01/anat/T1w.nii.gz", cell.toString());
        assertEquals(SimpleFSLocationCellFactory.TYPE, cell.getType());
        assertTrue(SimpleFSLocationCellFactory.TYPE.isCompatible(FSLocationValue.class));
        assertEquals(cell, f.createCell("sub-01/anat/T1w.nii.gz"), "a path string on the factory's file system");
        assertNotEquals(cell, f.createCell("sub-02/anat/T1w.nii.gz"));
    }

    @Test
    void factoryRejectsLocationsOfAnotherFileSystem() {
        SimpleFSLocationCellFactory f = new SimpleFSLocationCellFactory(new DefaultFSLocationSpec(FSCategory.LOCAL));
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> f.createCell(SCAN));
        assertEquals("The file system type (RELATIVE) must match the file system type in the meta data (LOCAL).",
            e.getMessage());
        IllegalArgumentException spec = assertThrows(IllegalArgumentException.class, () -> new SimpleFSLocationCellFactory(
            new DefaultFSLocationSpec(FSCategory.RELATIVE, "knime.workflow")).createCell(SCAN));
        assertTrue(spec.getMessage().startsWith("The file system specifier (knime.workflow.data) must match"));
        assertThrows(NullPointerException.class, () -> f.createCell((FSLocation)null));
    }

    @Test
    void locationsOfTheSameFileSystemAreEqualWhateverTheirCategory() {
        FSLocation local = new FSLocation(FSCategory.LOCAL, "/data/a.nii");
        FSLocation connectedLocal = new FSLocation(FSCategory.CONNECTED, "local", "/data/a.nii");
        assertEquals(local, connectedLocal, "KNIME compares the file system, not how it was chosen");
        assertEquals(local.hashCode(), connectedLocal.hashCode());
        assertNotEquals(local, new FSLocation(FSCategory.CONNECTED, "shim-zip:x.zip", "/data/a.nii"));
        assertEquals("(LOCAL, /data/a.nii)", local.toString());
    }

    @Test
    void serializerAndTablesKeepCategorySpecifierAndPath() throws Exception {
        SimpleFSLocationCell cell = new SimpleFSLocationCellFactory(SCAN).createCell(SCAN);
        SimpleFSLocationCell.SimpleFSLocationCellSerializer s = new SimpleFSLocationCell.SimpleFSLocationCellSerializer();
        assertEquals(SCAN, CellStreams.deserialize(CellStreams.serialize(cell, s), s).getFSLocation());
        SimpleFSLocationCell local = new SimpleFSLocationCellFactory(new DefaultFSLocationSpec(FSCategory.LOCAL))
            .createCell("/data/a.nii");
        assertEquals(local, CellStreams.deserialize(CellStreams.serialize(local, s), s), "no specifier");

        assertTrue(ShimCellSerializers.find(SimpleFSLocationCell.class).isPresent(), "tables use KNIME's serializer");
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("Path", SimpleFSLocationCellFactory.TYPE).createSpec());
        BufferedDataTable t = ShimHeadless.table(spec, new DefaultRow(RowKey.createRowKey(0L), cell),
            new DefaultRow(RowKey.createRowKey(1L), local));
        Path file = m_tmp.resolve("paths.table");
        ShimTableIO.write(t, file);
        BufferedDataTable back = ShimTableIO.read(file, getClass().getClassLoader());
        assertEquals(spec, back.getDataTableSpec());
        int i = 0;
        for (DataRow r : back) {
            DataCell c = r.getCell(0);
            assertEquals(i == 0 ? cell : local, c);
            i++;
        }
        assertEquals(2, i);
    }
}
