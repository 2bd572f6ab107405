package org.mrisr.engine.volume;

import java.util.Arrays;

/**
 * An immutable 4×4 voxel-to-world transform (NIfTI convention: world in mm, RAS+), mapping voxel
 * indices (i, j, k, 1) to world coordinates (x, y, z, 1). The last row is always (0, 0, 0, 1).
 */
public final class Affine {
    private final double[] m; // row-major 4×4

    private Affine(double[] m) {
        this.m = m;
    }

    /** From 16 row-major values; the last row must be (0,0,0,1) within 1e-9. */
    public static Affine ofRowMajor(double... values) {
        if (values.length != 16) {
            throw new IllegalArgumentException("an affine needs 16 values, got " + values.length);
        }
        double[] c = values.clone();
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine has a non-finite value: " + Arrays.toString(values));
            }
        }
        if (Math.abs(c[12]) > 1e-9 || Math.abs(c[13]) > 1e-9 || Math.abs(c[14]) > 1e-9 || Math.abs(c[15] - 1) > 1e-9) {
            throw new IllegalArgumentException("affine's last row must be 0 0 0 1: " + Arrays.toString(values));
        }
        c[12] = 0;
        c[13] = 0;
        c[14] = 0;
        c[15] = 1;
        return new Affine(c);
    }

    /** From a 3×4 upper block (rows), e.g. NIfTI srow_x, srow_y, srow_z. */
    public static Affine ofRows(double[] rowX, double[] rowY, double[] rowZ) {
        return ofRowMajor(rowX[0], rowX[1], rowX[2], rowX[3], rowY[0], rowY[1], rowY[2], rowY[3],
                rowZ[0], rowZ[1], rowZ[2], rowZ[3], 0, 0, 0, 1);
    }

    public static Affine identity() {
        return diagonal(1, 1, 1);
    }

    /** Axis-aligned scaling with the first voxel at the world origin. */
    public static Affine diagonal(double sx, double sy, double sz) {
        return ofRowMajor(sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0, 0, 0, 0, 1);
    }

    public double get(int row, int col) {
        return m[row * 4 + col];
    }

    /** A copy of the 16 row-major values. */
    public double[] toRowMajor() {
        return m.clone();
    }

    /** Row r (0..3) as a new array of 4. */
    public double[] row(int r) {
        return Arrays.copyOfRange(m, r * 4, r * 4 + 4);
    }

    /** World coordinates of (possibly fractional) voxel index (i, j, k). */
    public double[] apply(double i, double j, double k) {
        double[] w = new double[3];
        for (int r = 0; r < 3; r++) {
            w[r] = m[r * 4] * i + m[r * 4 + 1] * j + m[r * 4 + 2] * k + m[r * 4 + 3];
        }
        return w;
    }

    /** Voxel size per axis in world units: the norms of the first three columns. */
    public double[] voxelSize() {
        double[] s = new double[3];
        for (int c = 0; c < 3; c++) {
            s[c] = Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
        }
        return s;
    }

    /** this × other. */
    public Affine multiply(Affine other) {
        double[] r = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += m[i * 4 + k] * other.m[k * 4 + j];
                }
                r[i * 4 + j] = s;
            }
        }
        return ofRowMajor(r);
    }

    /**
     * The affine of a resampled grid whose voxel (i', j', k') sits at old voxel index
     * (offset + step·i') per axis: columns scaled by step, origin moved to the old index offset.
     * Cropping is step 1; scipy-style zoom is offset 0, step (n_in−1)/(n_out−1).
     */
    public Affine resampled(double[] offset, double[] step) {
        double[] o = apply(offset[0], offset[1], offset[2]);
        double[] r = m.clone();
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                r[row * 4 + c] = m[row * 4 + c] * step[c];
            }
            r[row * 4 + 3] = o[row];
        }
        return ofRowMajor(r);
    }

    /** The affine of a sub-volume whose first voxel is old voxel (x0, y0, z0). */
    public Affine cropped(int x0, int y0, int z0) {
        return resampled(new double[] {x0, y0, z0}, new double[] {1, 1, 1});
    }

    /** Largest absolute element difference to another affine. */
    public double maxAbsDifference(Affine other) {
        double d = 0;
        for (int i = 0; i < 16; i++) {
            d = Math.max(d, Math.abs(m[i] - other.m[i]));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine && Arrays.equals(m, ((Affine) o).m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Affine[");
        for (int r = 0; r < 4; r++) {
            sb.append(r == 0 ? "" : "; ");
            for (int c = 0; c < 4; c++) {
                sb.append(c == 0 ? "" : " ").append(m[r * 4 + c]);
            }
        }
        return sb.append(']').toString();
    }
}
