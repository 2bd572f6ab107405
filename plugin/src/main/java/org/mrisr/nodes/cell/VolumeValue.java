package org.mrisr.nodes.cell;

import org.knime.core.data.DataValue;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** A cell holding a 3D volume (float32, NIfTI order) with its voxel-to-world affine. */
public interface VolumeValue extends DataValue {
    /** The volume; may read the voxels from disk, so call it once per row, not per voxel. */
    Volume getVolume();

    /** {nx, ny, nz}, without reading the voxels. */
    int[] getShape();

    /** The voxel-to-world affine, without reading the voxels. */
    Affine getAffine();
}
