package org.mrisr.engine.volume;

import java.util.Objects;

/**
 * A dense float32 3D volume in NIfTI order (x fastest, then y, then z) with its voxel-to-world
 * {@link Affine}. Shape (nx, ny, nz); voxel (x, y, z) lives at {@code data[x + nx*(y + ny*z)]}.
 *
 * <p>The data array is shared, not copied: a Volume is cheap to wrap and callers that need
 * isolation call {@link #copy()}. At most 2^31−1 voxels (Java array limit), i.e. far more than any
 * brain MRI (a 0.5 mm whole head is ~1e8 voxels).
 *
 * <p>{@code spaceCode} is the NIfTI xform code of the world space (0 unknown, 1 scanner, 2 aligned,
 * 3 Talairach, 4 MNI-152), carried so a written file keeps the source's meaning.
 */
public final class Volume {
    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] data;
    private final Affine affine;
    private final int spaceCode;

    public Volume(int nx, int ny, int nz, float[] data, Affine affine) {
        this(nx, ny, nz, data, affine, 0);
    }

    public Volume(int nx, int ny, int nz, float[] data, Affine affine, int spaceCode) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("volume shape must be positive: " + nx + "x" + ny + "x" + nz);
        }
        long n = (long) nx * ny * nz;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("volume too large for one array: " + nx + "x" + ny + "x" + nz);
        }
        Objects.requireNonNull(data, "data");
        if (data.length != n) {
            throw new IllegalArgumentException("data length " + data.length + " != " + nx + "*" + ny + "*" + nz);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data;
        this.affine = Objects.requireNonNull(affine, "affine");
        this.spaceCode = spaceCode;
    }

    /** A zero-filled volume. */
    public static Volume zeros(int nx, int ny, int nz, Affine affine) {
        return new Volume(nx, ny, nz, new float[Math.multiplyExact(Math.multiplyExact(nx, ny), nz)], affine);
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    /** {nx, ny, nz}. */
    public int[] shape() {
        return new int[] {nx, ny, nz};
    }

    public int size() {
        return data.length;
    }

    /** The backing array (shared, not a copy). */
    public float[] data() {
        return data;
    }

    public Affine affine() {
        return affine;
    }

    public int spaceCode() {
        return spaceCode;
    }

    /** Voxel size per axis in mm, from the affine. */
    public double[] voxelSize() {
        return affine.voxelSize();
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    public float get(int x, int y, int z) {
        return data[x + nx * (y + ny * z)];
    }

    public void set(int x, int y, int z, float v) {
        data[x + nx * (y + ny * z)] = v;
    }

    public boolean sameShape(Volume o) {
        return nx == o.nx && ny == o.ny && nz == o.nz;
    }

    /** A deep copy of the voxels with the same geometry. */
    public Volume copy() {
        return new Volume(nx, ny, nz, data.clone(), affine, spaceCode);
    }

    /** Same geometry, new voxels (same length). */
    public Volume withData(float[] newData) {
        return new Volume(nx, ny, nz, newData, affine, spaceCode);
    }

    /** Same voxels (shared), new affine. */
    public Volume withAffine(Affine a) {
        return new Volume(nx, ny, nz, data, a, spaceCode);
    }

    /** A copied sub-volume [x0, x0+sx) × [y0, y0+sy) × [z0, z0+sz) with its affine moved accordingly. */
    public Volume crop(int x0, int y0, int z0, int sx, int sy, int sz) {
        if (x0 < 0 || y0 < 0 || z0 < 0 || sx < 1 || sy < 1 || sz < 1 || x0 + sx > nx || y0 + sy > ny || z0 + sz > nz) {
            throw new IllegalArgumentException("crop [" + x0 + "," + y0 + "," + z0 + "]+[" + sx + "," + sy + "," + sz
                    + "] outside volume " + nx + "x" + ny + "x" + nz);
        }
        float[] out = new float[sx * sy * sz];
        for (int z = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++) {
                System.arraycopy(data, index(x0, y0 + y, z0 + z), out, sx * (y + sy * z), sx);
            }
        }
        return new Volume(sx, sy, sz, out, affine.cropped(x0, y0, z0), spaceCode);
    }

    /** Minimum and maximum over non-NaN voxels; {NaN, NaN} if all are NaN. */
    /**
     * This volume trimmed at its far end to a multiple of {@code factor} per axis (itself when it
     * already is one), so that r × (its shape / r) = its shape: what degrading by r needs.
     */
    public Volume trimmedToMultipleOf(int factor) {
        int sx = nx - nx % factor;
        int sy = ny - ny % factor;
        int sz = nz - nz % factor;
        return sx == nx && sy == ny && sz == nz ? this : crop(0, 0, 0, sx, sy, sz);
    }

    public float[] minMax() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        if (lo > hi) {
            return new float[] {Float.NaN, Float.NaN};
        }
        return new float[] {lo, hi};
    }

    @Override
    public String toString() {
        return "Volume[" + nx + "x" + ny + "x" + nz + ", " + affine + "]";
    }
}
