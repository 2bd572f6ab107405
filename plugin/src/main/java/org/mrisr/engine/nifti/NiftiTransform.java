package org.mrisr.engine.nifti;

import org.mrisr.engine.volume.Affine;

/**
 * The voxel-to-world transform of a header by the NIfTI rules: the sform when sform_code &gt; 0,
 * else the qform (quaternion, pixdim and qfac) when qform_code &gt; 0, else plain pixdim scaling
 * with the first voxel at the origin (the standard's "method 1"; nibabel instead centres the grid
 * and flips x, but no file with both codes 0 claims a world space). World units are converted to
 * mm from xyzt_units (metres, microns; unknown is taken as mm).
 *
 * @param affine    voxel (i,j,k) to world mm
 * @param kind      "sform", "qform" or "pixdim"
 * @param spaceCode the chosen transform's xform code (0 for pixdim)
 */
public record NiftiTransform(Affine affine, String kind, int spaceCode) {

    /** Computes the transform; throws when the chosen one holds non-finite numbers. */
    public static NiftiTransform of(NiftiHeader h, String source) {
        double unit = unitToMm(h.xyztUnits());
        double[] m;
        String kind;
        int code;
        if (h.sformCode() > 0) {
            m = new double[16];
            for (int r = 0; r < 3; r++) {
                System.arraycopy(h.srow(r), 0, m, 4 * r, 4);
            }
            kind = "sform";
            code = h.sformCode();
        } else if (h.qformCode() > 0) {
            m = qformMatrix(h);
            kind = "qform";
            code = h.qformCode();
        } else {
            double[] p = h.pixdim();
            m = new double[] {p[1], 0, 0, 0, 0, p[2], 0, 0, 0, 0, p[3], 0, 0, 0, 0, 1};
            kind = "pixdim";
            code = 0;
        }
        for (int i = 0; i < 12; i++) {
            m[i] *= unit;
            if (!Double.isFinite(m[i])) {
                throw new NiftiFormatException(source, "the " + kind + " transform has a non-finite value (" + h.toString() + ")");
            }
        }
        m[12] = 0;
        m[13] = 0;
        m[14] = 0;
        m[15] = 1;
        return new NiftiTransform(Affine.ofRowMajor(m), kind, code);
    }

    /** The qform's row-major 4×4 as stored (before unit conversion), whatever qform_code says. */
    static double[] qformMatrix(NiftiHeader h) {
        return Quaternions.toMatrix(h.quatern(), h.qoffset(), h.pixdim());
    }

    /** Factor from the spatial unit of xyzt_units (bits 0-2) to mm. */
    static double unitToMm(int xyztUnits) {
        switch (xyztUnits & 0x07) {
            case 1:
                return 1000.0; // metre
            case 3:
                return 0.001; // micron
            default:
                return 1.0; // mm, or unknown which every reader takes as mm
        }
    }
}
