package org.mrisr.nodes.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStoreFactory;
import org.knime.core.data.filestore.ShimFileStores;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.CellStreams;

class VolumeCellTest {
    private static Volume randomVolume(final int nx, final int ny, final int nz, final long seed) {
        Random r = new Random(seed);
        float[] data = new float[nx * ny * nz];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float)r.nextGaussian();
        }
        Affine a = Affine.ofRowMajor(-0.9, 0.1, 0, 90, 0, 1.1, 0.05, -126, 0, 0, 1.5, -72, 0, 0, 0, 1);
        return new Volume(nx, ny, nz, data, a, 4);
    }

    /** What KNIME does when a table is written and read back: flush, serialize, deserialize, re-attach. */
    private static VolumeCell throughTableStream(final VolumeCell cell) throws IOException {
        ShimFileStores.flush(cell);
        VolumeCellSerializer ser = new VolumeCellSerializer();
        VolumeCell back = CellStreams.deserialize(CellStreams.serialize(cell, ser), ser);
        ShimFileStores.reattach(back, ShimFileStores.fileStoresOf(cell));
        return back;
    }

    @Test
    void voxelsLiveInTheFileStoreAndSurviveSerialization() throws Exception {
        ExecutionContext exec = ShimHeadless.executionContext();
        Volume v = randomVolume(17, 9, 5, 1);
        VolumeCell cell = VolumeCell.create(FileStoreFactory.createWorkflowFileStoreFactory(exec), v);
        FileStore store = ShimFileStores.fileStoresOf(cell)[0];
        assertEquals(17L * 9 * 5 * 4, store.getFile().length(), "raw float32 voxels in the file store");

        VolumeCell back = throughTableStream(cell);
        Volume w = back.getVolume();
        assertArrayEquals(v.shape(), w.shape());
        assertArrayEquals(v.data(), w.data());
        assertEquals(0.0, v.affine().maxAbsDifference(w.affine()));
        assertEquals(4, w.spaceCode());
        assertEquals(cell, back);
        assertTrue(back.getType().isCompatible(VolumeValue.class));
        assertEquals("Volume 17x9x5", back.toString().substring(0, 13));
    }

    @Test
    void cellIsImmutableWhateverCallersDoWithArrays() throws Exception {
        Volume v = randomVolume(4, 4, 4, 2);
        float first = v.data()[0];
        VolumeCell cell = VolumeCell.create(FileStoreFactory.createNotInWorkflowFileStoreFactory(), v);
        v.data()[0] = 1e6f;
        cell.getVolume().data()[0] = -1e6f;
        assertEquals(first, cell.getVolume().data()[0]);
    }

    @Test
    void volumeCellsGoIntoTablesAsAColumnType() throws Exception {
        ExecutionContext exec = ShimHeadless.executionContext();
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("volume", VolumeCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        FileStoreFactory fsf = FileStoreFactory.createWorkflowFileStoreFactory(exec);
        c.addRowToTable(new DefaultRow("a", VolumeCell.create(fsf, randomVolume(3, 3, 3, 3))));
        c.addRowToTable(new DefaultRow("b", DataType.getMissingCell()));
        c.close();
        BufferedDataTable t = c.getTable();
        DataRow first = t.iterator().next();
        assertArrayEquals(new int[] {3, 3, 3}, ((VolumeValue)first.getCell(0)).getShape());
    }

    @Test
    void truncatedStoreGivesAnErrorNamingTheFile() throws Exception {
        VolumeCell cell = VolumeCell.create(FileStoreFactory.createNotInWorkflowFileStoreFactory(), randomVolume(5, 5, 5, 4));
        VolumeCell back = throughTableStream(cell);
        try (RandomAccessFile f = new RandomAccessFile(ShimFileStores.fileStoresOf(cell)[0].getFile(), "rw")) {
            f.setLength(100);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, back::getVolume);
        assertTrue(e.getMessage().contains(".f32") && e.getMessage().contains("expected 500"), e.getMessage());
    }

    @Test
    void unknownFormatVersionIsRejected() throws Exception {
        VolumeCell cell = VolumeCell.create(FileStoreFactory.createNotInWorkflowFileStoreFactory(), randomVolume(2, 2, 2, 5));
        VolumeCellSerializer ser = new VolumeCellSerializer();
        byte[] bytes = CellStreams.serialize(cell, ser);
        bytes[0] = 9;
        IOException e = assertThrows(IOException.class, () -> CellStreams.deserialize(bytes, ser));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
        VolumeCell unattached = CellStreams.deserialize(CellStreams.serialize(cell, ser), ser);
        assertEquals(0, ShimFileStores.fileStoresOf(unattached).length,
            "a deserialized cell has no file store until KNIME re-attaches it");
        IllegalStateException e2 = assertThrows(IllegalStateException.class, unattached::getVolume);
        assertTrue(e2.getMessage().contains("one file store"), e2.getMessage());
    }
}
