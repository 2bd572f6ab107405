package org.mrisr.engine.patch;

import org.mrisr.engine.volume.Volume;

/**
 * One box of a {@link PatchGrid} on the high-resolution grid: voxels [x0, x0+sx) × [y0, y0+sy) ×
 * [z0, z0+sz). With factor r the matching low-resolution box is origin/r, size/r (both exact:
 * the grid keeps origins and sizes multiples of r).
 *
 * @param index  position in the grid's deterministic order (z slowest, x fastest)
 * @param factor r; 1 when there is no low-resolution side
 */
public record Patch(int index, int x0, int y0, int z0, int sx, int sy, int sz, int factor) {

    public int[] origin() {
        return new int[] {x0, y0, z0};
    }

    public int[] size() {
        return new int[] {sx, sy, sz};
    }

    public long voxels() {
        return (long) sx * sy * sz;
    }

    /** The same box on the low-resolution grid (factor 1). */
    public Patch lowRes() {
        return new Patch(index, x0 / factor, y0 / factor, z0 / factor, sx / factor, sy / factor, sz / factor, 1);
    }

    /** A copy of this box of {@code v} with its own affine (first voxel moved to the box origin). */
    public Volume extract(Volume v) {
        return v.crop(x0, y0, z0, sx, sy, sz);
    }

    /** A copy of the low-resolution box of {@code lr}, shape (sx/r, sy/r, sz/r). */
    public Volume extractLowRes(Volume lr) {
        return lowRes().extract(lr);
    }
}
