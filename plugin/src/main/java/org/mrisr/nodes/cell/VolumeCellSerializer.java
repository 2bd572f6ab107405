package org.mrisr.nodes.cell;

import java.io.IOException;

import org.knime.core.data.DataCellDataInput;
import org.knime.core.data.DataCellDataOutput;
import org.knime.core.data.DataCellSerializer;
import org.mrisr.engine.volume.Affine;

/**
 * Writes a {@link VolumeCell}'s header (the voxels are in its file store): format version, shape,
 * NIfTI space code and the 16 affine entries (row major). Registered in plugin.xml.
 */
public final class VolumeCellSerializer implements DataCellSerializer<VolumeCell> {
    private static final int VERSION = 1;

    @Override
    public void serialize(final VolumeCell cell, final DataCellDataOutput output) throws IOException {
        output.writeByte(VERSION);
        for (int n : cell.getShape()) {
            output.writeInt(n);
        }
        output.writeInt(cell.spaceCode());
        for (double a : cell.getAffine().toRowMajor()) {
            output.writeDouble(a);
        }
    }

    @Override
    public VolumeCell deserialize(final DataCellDataInput input) throws IOException {
        int version = input.readByte();
        if (version != VERSION) {
            throw new IOException("Unknown volume cell format version " + version
                + " (written by a newer mrisr? this one reads version " + VERSION + ")");
        }
        int[] shape = {input.readInt(), input.readInt(), input.readInt()};
        if (shape[0] < 1 || shape[1] < 1 || shape[2] < 1) {
            throw new IOException("Corrupt volume cell: shape " + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        int spaceCode = input.readInt();
        double[] affine = new double[16];
        for (int i = 0; i < 16; i++) {
            affine[i] = input.readDouble();
        }
        try {
            return new VolumeCell(shape, Affine.ofRowMajor(affine), spaceCode);
        } catch (IllegalArgumentException e) {
            throw new IOException("Corrupt volume cell affine: " + e.getMessage(), e);
        }
    }
}
