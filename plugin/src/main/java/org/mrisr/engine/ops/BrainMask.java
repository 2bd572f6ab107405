package org.mrisr.engine.ops;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/**
 * A boolean brain mask on a volume's grid (x fastest, shape nx, ny, nz), used to score only brain
 * voxels and to pick patches that contain brain.
 *
 * <p>{@link #fromIntensity} is {@code scipy.ndimage.binary_fill_holes(hr > 0)}: the background is
 * the set of non-brain voxels 6-connected to the volume border; everything else, including dark
 * holes inside the brain (ventricles after skull stripping), is mask.
 */
public final class BrainMask {
    private final int nx;
    private final int ny;
    private final int nz;
    private final boolean[] inside;

    private BrainMask(int nx, int ny, int nz, boolean[] inside) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.inside = inside;
    }

    /** Voxels &gt; 0 with enclosed holes filled. */
    public static BrainMask fromIntensity(Volume v) {
        float[] d = v.data();
        boolean[] brain = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            brain[i] = d[i] > 0;
        }
        return new BrainMask(v.nx(), v.ny(), v.nz(), fillHoles(brain, v.nx(), v.ny(), v.nz()));
    }

    /**
     * A mask given as a volume (non-zero = brain) for data on the same grid; {@code source} names
     * the mask in the error when the shapes differ.
     */
    public static BrainMask fromMaskVolume(Volume mask, Volume like, String source) {
        if (!mask.sameShape(like)) {
            throw new InvalidInputException(source, "mask shape " + shape(mask) + " differs from the volume's "
                    + shape(like) + "; give a mask on the same grid");
        }
        float[] d = mask.data();
        boolean[] in = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            in[i] = d[i] != 0 && !Float.isNaN(d[i]);
        }
        return new BrainMask(mask.nx(), mask.ny(), mask.nz(), in);
    }

    private static String shape(Volume v) {
        return v.nx() + "x" + v.ny() + "x" + v.nz();
    }

    /** Marks the non-brain voxels reachable from the border (6-connected); the rest is the mask. */
    static boolean[] fillHoles(boolean[] brain, int nx, int ny, int nz) {
        int n = brain.length;
        int plane = nx * ny;
        boolean[] outside = new boolean[n];
        // breadth-first flood; every voxel enters the queue at most once
        int[] queue = new int[n];
        int tail = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = x + nx * y + plane * z;
                    boolean border = x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1;
                    if (border && !brain[i]) {
                        outside[i] = true;
                        queue[tail++] = i;
                    }
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / plane;
            int[] nb = {x > 0 ? i - 1 : -1, x < nx - 1 ? i + 1 : -1, y > 0 ? i - nx : -1, y < ny - 1 ? i + nx : -1,
                z > 0 ? i - plane : -1, z < nz - 1 ? i + plane : -1};
            for (int j : nb) {
                if (j >= 0 && !brain[j] && !outside[j]) {
                    outside[j] = true;
                    queue[tail++] = j;
                }
            }
        }
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            mask[i] = !outside[i];
        }
        return mask;
    }

    /**
     * The smallest box holding every mask voxel, {x0, y0, z0, sx, sy, sz}; the whole grid when the
     * mask is empty.
     */
    public int[] boundingBox() {
        int[] lo = {nx, ny, nz};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    if (inside[row + x]) {
                        lo[0] = Math.min(lo[0], x);
                        hi[0] = Math.max(hi[0], x);
                        lo[1] = Math.min(lo[1], y);
                        hi[1] = Math.max(hi[1], y);
                        lo[2] = Math.min(lo[2], z);
                        hi[2] = Math.max(hi[2], z);
                    }
                }
            }
        }
        if (hi[0] < 0) {
            return new int[] {0, 0, 0, nx, ny, nz};
        }
        return new int[] {lo[0], lo[1], lo[2], hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
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

    public boolean contains(int x, int y, int z) {
        return inside[x + nx * (y + ny * z)];
    }

    /** Number of mask voxels. */
    public long count() {
        long c = 0;
        for (boolean b : inside) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** Fraction of mask voxels in the box [x0, x0+sx) × [y0, y0+sy) × [z0, z0+sz). */
    public double fraction(int x0, int y0, int z0, int sx, int sy, int sz) {
        long c = 0;
        for (int z = z0; z < z0 + sz; z++) {
            for (int y = y0; y < y0 + sy; y++) {
                int base = nx * (y + ny * z);
                for (int x = x0; x < x0 + sx; x++) {
                    if (inside[base + x]) {
                        c++;
                    }
                }
            }
        }
        return c / ((double) sx * sy * sz);
    }

    /** The volume with voxels outside the mask set to 0 (a new volume). */
    public Volume apply(Volume v) {
        if (v.nx() != nx || v.ny() != ny || v.nz() != nz) {
            throw new IllegalArgumentException("mask " + nx + "x" + ny + "x" + nz + " does not fit volume " + v);
        }
        float[] src = v.data();
        float[] dst = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            dst[i] = inside[i] ? src[i] : 0f;
        }
        return v.withData(dst);
    }

    /** The mask as a 0/1 volume on the given volume's grid. */
    public Volume toVolume(Volume like) {
        float[] d = new float[inside.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = inside[i] ? 1f : 0f;
        }
        return new Volume(nx, ny, nz, d, like.affine(), like.spaceCode());
    }
}
