package org.mrisr.nodes.cell;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStoreCell;
import org.knime.core.data.filestore.FileStoreFactory;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * A volume cell. The voxels live in the cell's file store (raw float32, little endian, x fastest),
 * written once when the cell is made, so tables of many volumes stay out of the Java heap (KNIME
 * Image Processing does the same); the cell itself keeps only shape, affine and space code, which its
 * {@link VolumeCellSerializer} writes. Voxels are read back on demand and cached softly.
 */
public final class VolumeCell extends FileStoreCell implements VolumeValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(VolumeCell.class);

    private final int[] m_shape;
    private final Affine m_affine;
    private final int m_spaceCode;
    private transient SoftReference<float[]> m_cache = new SoftReference<>(null);

    /** Writes the volume's voxels to the file store. */
    private VolumeCell(final FileStore store, final Volume volume) throws IOException {
        super(store);
        m_shape = volume.shape();
        m_affine = volume.affine();
        m_spaceCode = volume.spaceCode();
        write(volume.data(), store.getFile());
        // No cache of the caller's array: it may change it after making the cell.
    }

    /** Deserialized header; KNIME re-attaches the file store afterwards. */
    VolumeCell(final int[] shape, final Affine affine, final int spaceCode) {
        m_shape = shape.clone();
        m_affine = affine;
        m_spaceCode = spaceCode;
    }

    /** A cell for volume, its voxels stored in a new file store of factory (one per cell). */
    public static VolumeCell create(final FileStoreFactory factory, final Volume volume) throws IOException {
        return new VolumeCell(factory.createFileStore("mrisr-volume-" + UUID.randomUUID() + ".f32"), volume);
    }

    @Override
    public Volume getVolume() {
        float[] data = m_cache.get();
        if (data == null) {
            File f = voxelFile();
            try {
                data = read(f, m_shape[0] * m_shape[1] * m_shape[2]);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read volume voxels from " + f + ": " + e.getMessage(), e);
            }
            m_cache = new SoftReference<>(data);
        }
        // A fresh array per call: a cell is immutable, whatever the caller does with the volume.
        return new Volume(m_shape[0], m_shape[1], m_shape[2], data.clone(), m_affine, m_spaceCode);
    }

    /** The file of the cell's one file store (KNIME re-attaches it to a cell read back before use). */
    private File voxelFile() {
        FileStore[] stores = getFileStores();
        if (stores.length != 1) {
            throw new IllegalStateException("A volume cell has one file store, this one " + stores.length
                + " (its table is not fully read back)");
        }
        return stores[0].getFile();
    }

    @Override
    public int[] getShape() {
        return m_shape.clone();
    }

    @Override
    public Affine getAffine() {
        return m_affine;
    }

    int spaceCode() {
        return m_spaceCode;
    }

    @Override
    public String toString() {
        double[] v = m_affine.voxelSize();
        return String.format("Volume %dx%dx%d (%.3gx%.3gx%.3g mm)", m_shape[0], m_shape[1], m_shape[2], v[0], v[1], v[2]);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        VolumeCell o = (VolumeCell)dc;
        return super.equalsDataCell(dc) && Arrays.equals(m_shape, o.m_shape) && m_affine.equals(o.m_affine)
            && m_spaceCode == o.m_spaceCode;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + Arrays.hashCode(m_shape);
    }

    private static final int CHUNK = 1 << 20;

    private static void write(final float[] data, final File f) throws IOException {
        try (FileChannel ch = FileChannel.open(f.toPath(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int off = 0; off < data.length; off += CHUNK) {
                int n = Math.min(CHUNK, data.length - off);
                buf.clear();
                buf.asFloatBuffer().put(data, off, n);
                buf.limit(n * Float.BYTES);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    private static float[] read(final File f, final int n) throws IOException {
        long expected = (long)n * Float.BYTES;
        if (f.length() != expected) {
            throw new IOException("file has " + f.length() + " bytes, expected " + expected);
        }
        float[] data = new float[n];
        try (FileChannel ch = FileChannel.open(f.toPath(), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int off = 0; off < n; off += CHUNK) {
                int m = Math.min(CHUNK, n - off);
                buf.clear();
                buf.limit(m * Float.BYTES);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new IOException("unexpected end of file");
                    }
                }
                buf.flip();
                buf.asFloatBuffer().get(data, off, m);
            }
        }
        return data;
    }
}
