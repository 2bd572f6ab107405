package org.mrisr.engine.nifti;

/**
 * The NIfTI qform: a rotation quaternion (b, c, d; a ≥ 0 implied), voxel sizes pixdim[1..3], the
 * handedness flag qfac = pixdim[0] and an offset. Both directions follow nifti1_io.c
 * (nifti_quatern_to_mat44 / nifti_mat44_to_quatern) except where noted, so files agree with FSL, ITK
 * and nibabel.
 */
final class Quaternions {
    private Quaternions() {
    }

    /** Row-major 4×4 from quaternion (b,c,d), offset (x,y,z) and pixdim[0..3]. */
    static double[] toMatrix(double[] bcd, double[] offset, double[] pixdim) {
        double b = bcd[0];
        double c = bcd[1];
        double d = bcd[2];
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 0) {
            // |(b,c,d)| > 1 by rounding (or a broken header): a 180° rotation, so renormalise and
            // set a = 0 as nifti1_io does. Small positive a is kept as stored, like nibabel (nifti1_io
            // zeroes a below 1e-7, a difference of ~1e-4 in the matrix).
            double n = Math.sqrt(b * b + c * c + d * d);
            a = 0;
            if (n > 0) {
                b /= n;
                c /= n;
                d /= n;
            }
        } else {
            a = Math.sqrt(a);
        }
        // nifti1_io takes non-positive voxel sizes as 1, and only the sign of qfac
        double xd = pixdim[1] > 0 ? pixdim[1] : 1.0;
        double yd = pixdim[2] > 0 ? pixdim[2] : 1.0;
        double zd = pixdim[3] > 0 ? pixdim[3] : 1.0;
        if (pixdim[0] < 0) {
            zd = -zd;
        }
        return new double[] {
            (a * a + b * b - c * c - d * d) * xd, 2 * (b * c - a * d) * yd, 2 * (b * d + a * c) * zd, offset[0],
            2 * (b * c + a * d) * xd, (a * a + c * c - b * b - d * d) * yd, 2 * (c * d - a * b) * zd, offset[1],
            2 * (b * d - a * c) * xd, 2 * (c * d + a * b) * yd, (a * a + d * d - c * c - b * b) * zd, offset[2],
            0, 0, 0, 1};
    }

    /**
     * Decomposes a row-major 4×4 into {b, c, d, qx, qy, qz, dx, dy, dz, qfac}. The voxel sizes are the
     * column norms; the rotation is the orthogonal matrix nearest the normalised columns (polar
     * decomposition), so a sheared affine gets its best rotation and the sform keeps the exact matrix.
     */
    static double[] fromMatrix(double[] m) {
        double[][] r = new double[3][3];
        double[] size = new double[3];
        for (int col = 0; col < 3; col++) {
            double n = Math.sqrt(m[col] * m[col] + m[4 + col] * m[4 + col] + m[8 + col] * m[8 + col]);
            size[col] = n;
            for (int row = 0; row < 3; row++) {
                r[row][col] = n > 0 ? m[4 * row + col] / n : 0;
            }
        }
        fillZeroColumns(r);
        double qfac = 1;
        if (det(r) < 0) {
            qfac = -1;
            for (int row = 0; row < 3; row++) {
                r[row][2] = -r[row][2];
            }
        }
        r = nearestRotation(r);
        double r11 = r[0][0];
        double r12 = r[0][1];
        double r13 = r[0][2];
        double r21 = r[1][0];
        double r22 = r[1][1];
        double r23 = r[1][2];
        double r31 = r[2][0];
        double r32 = r[2][1];
        double r33 = r[2][2];
        double a = r11 + r22 + r33 + 1.0;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        } else {
            double xd = 1.0 + r11 - (r22 + r33);
            double yd = 1.0 + r22 - (r11 + r33);
            double zd = 1.0 + r33 - (r11 + r22);
            if (xd > 1.0) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            } else if (yd > 1.0) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {b, c, d, m[3], m[7], m[11], size[0], size[1], size[2], qfac};
    }

    /** A zero column (zero voxel size) gets the cross product of the others, as nifti1_io does. */
    private static void fillZeroColumns(double[][] r) {
        for (int col = 0; col < 3; col++) {
            double n = r[0][col] * r[0][col] + r[1][col] * r[1][col] + r[2][col] * r[2][col];
            if (n == 0) {
                int p = (col + 1) % 3;
                int q = (col + 2) % 3;
                double[] x = {r[1][p] * r[2][q] - r[2][p] * r[1][q], r[2][p] * r[0][q] - r[0][p] * r[2][q], r[0][p] * r[1][q] - r[1][p] * r[0][q]};
                double xn = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                for (int row = 0; row < 3; row++) {
                    r[row][col] = xn > 0 ? x[row] / xn : (row == col ? 1 : 0);
                }
            }
        }
    }

    static double det(double[][] r) {
        return r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
    }

    /** Polar decomposition by Newton iteration X ← (X + X⁻ᵀ)/2; identity when X is singular. */
    private static double[][] nearestRotation(double[][] x) {
        for (int it = 0; it < 100; it++) {
            double dt = det(x);
            if (Math.abs(dt) < 1e-12) {
                return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            }
            double[][] n = new double[3][3];
            double change = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    // (X⁻ᵀ)_ij = cofactor_ij / det
                    int i1 = (i + 1) % 3;
                    int i2 = (i + 2) % 3;
                    int j1 = (j + 1) % 3;
                    int j2 = (j + 2) % 3;
                    double cof = x[i1][j1] * x[i2][j2] - x[i1][j2] * x[i2][j1];
                    n[i][j] = 0.5 * (x[i][j] + cof / dt);
                    change = Math.max(change, Math.abs(n[i][j] - x[i][j]));
                }
            }
            x = n;
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }
}
