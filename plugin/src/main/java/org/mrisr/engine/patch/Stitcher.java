package org.mrisr.engine.patch;

import java.util.HashMap;
import java.util.Map;

import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Blends overlapping output patches into one volume: each voxel becomes the weighted mean of the
 * patch values covering it, with constant weights or a Gaussian window (σ = size/8 per axis,
 * centred on the patch) that lets patch borders, where a network sees the least context, count
 * less.
 *
 * <p>Memory: the output array and one weight array, both float32, whatever the number of patches.
 * The mean is updated incrementally, {@code m += (v − m)·w/(W + w)}, computed in float64: a voxel
 * whose patches all agree keeps that value exactly, so stitching the unchanged patches of a volume
 * gives the volume back bit for bit. Voxels no patch covers are 0 ({@link #uncovered()}).
 */
public final class Stitcher {
    private final int nx;
    private final int ny;
    private final int nz;
    private final Affine affine;
    private final int spaceCode;
    private final Blending weighting;
    private final float[] mean;
    private final float[] weight;
    private final Map<Integer, double[]> windows = new HashMap<>();
    private boolean finished;

    /** Output of shape (nx, ny, nz) with the given affine (space code 0, unknown). */
    public Stitcher(int nx, int ny, int nz, Affine affine, Blending weighting) {
        this(nx, ny, nz, affine, 0, weighting);
    }

    /** Output of shape (nx, ny, nz) with the given affine and NIfTI space code. */
    public Stitcher(int nx, int ny, int nz, Affine affine, int spaceCode, Blending weighting) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.affine = affine;
        this.spaceCode = spaceCode;
        this.weighting = weighting;
        long n = (long) nx * ny * nz;
        if (nx < 1 || ny < 1 || nz < 1 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bad output shape " + nx + "x" + ny + "x" + nz);
        }
        this.mean = new float[(int) n];
        this.weight = new float[(int) n];
    }

    /** Adds a patch computed for grid patch {@code p}; its shape must be p's size. */
    public void add(Patch p, Volume data) {
        if (data.nx() != p.sx() || data.ny() != p.sy() || data.nz() != p.sz()) {
            throw new IllegalArgumentException("patch data " + data.nx() + "x" + data.ny() + "x" + data.nz()
                    + " does not match patch size " + p.sx() + "x" + p.sy() + "x" + p.sz());
        }
        add(p.x0(), p.y0(), p.z0(), data);
    }

    /** Adds a patch whose first voxel lands at (x0, y0, z0) of the output. */
    public void add(int x0, int y0, int z0, Volume data) {
        if (finished) {
            throw new IllegalStateException("stitcher already finished");
        }
        int sx = data.nx();
        int sy = data.ny();
        int sz = data.nz();
        if (x0 < 0 || y0 < 0 || z0 < 0 || x0 + sx > nx || y0 + sy > ny || z0 + sz > nz) {
            throw new IllegalArgumentException("patch at " + x0 + "," + y0 + "," + z0 + " of " + sx + "x" + sy + "x" + sz
                    + " outside output " + nx + "x" + ny + "x" + nz);
        }
        double[] wx = window(sx);
        double[] wy = window(sy);
        double[] wz = window(sz);
        float[] src = data.data();
        for (int z = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++) {
                double wyz = wy[y] * wz[z];
                int s = sx * (y + sy * z);
                int d = x0 + nx * (y0 + y + ny * (z0 + z));
                for (int x = 0; x < sx; x++) {
                    double w = wx[x] * wyz;
                    double total = weight[d + x] + w;
                    double m = mean[d + x];
                    mean[d + x] = (float) (m + (src[s + x] - m) * (w / total));
                    weight[d + x] = (float) total;
                }
            }
        }
    }

    /** 1D weights for a patch side of length n: all 1, or a Gaussian with σ = n/8 peaking at 1. */
    double[] window(int n) {
        return windows.computeIfAbsent(n, len -> {
            double[] w = new double[len];
            double c = (len - 1) / 2.0;
            double sigma = len / 8.0;
            for (int i = 0; i < len; i++) {
                w[i] = weighting == Blending.CONSTANT ? 1.0 : Math.exp(-0.5 * ((i - c) / sigma) * ((i - c) / sigma));
            }
            return w;
        });
    }

    /** Voxels that no patch has covered so far. */
    public long uncovered() {
        long c = 0;
        for (float w : weight) {
            if (w == 0) {
                c++;
            }
        }
        return c;
    }

    /** The blended volume (shares the stitcher's output array; the stitcher is done after this). */
    public Volume finish() {
        finished = true;
        return new Volume(nx, ny, nz, mean, affine, spaceCode);
    }
}
