package org.mrisr.engine.nifti;

import org.mrisr.engine.volume.Volume;

/**
 * One volume read from a NIfTI file, with the header it came from.
 *
 * @param header    the parsed header
 * @param volume    float32 voxels (nx, ny, nz), scaled, with the world affine in mm and the
 *                  chosen transform's xform code as spaceCode
 * @param transform which rule gave the affine
 * @param index     the volume index read (0 for 3-D files)
 * @param volumes   number of volumes in the file (dim[4], 1 for 3-D)
 */
public record NiftiImage(NiftiHeader header, Volume volume, NiftiTransform transform, int index, long volumes) {
}
