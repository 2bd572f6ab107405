package org.mrisr.engine.thick;

import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** Small synthetic volumes for thick-slice tests (engine, CLI, node). */
public final class Phantoms {
    private Phantoms() {
    }

    /** An oblique affine: a rotation about x by 20 degrees times the voxel sizes, with an origin. */
    public static Affine oblique(double sx, double sy, double sz) {
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        return Affine.ofRowMajor(sx, 0, 0, -90, 0, c * sy, -s * sz, -120, 0, s * sy, c * sz, -70, 0, 0, 0, 1);
    }

    /** An isotropic (1 mm, oblique) phantom n×n×nz: random ellipsoids with sharp edges, values 20..100, background 0. */
    public static Volume ellipsoids(int n, int nz, long seed) {
        Rng rng = new Rng(seed);
        Volume v = Volume.zeros(n, n, nz, oblique(1, 1, 1));
        for (int e = 0; e < 14; e++) {
            double cx = rng.nextDouble() * n;
            double cy = rng.nextDouble() * n;
            double cz = rng.nextDouble() * nz;
            double a = 2 + rng.nextDouble() * 7;
            double b = 2 + rng.nextDouble() * 7;
            double c = 2 + rng.nextDouble() * 7;
            float value = (float) (20 + 80 * rng.nextDouble());
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        double d = sq((x - cx) / a) + sq((y - cy) / b) + sq((z - cz) / c);
                        if (d < 1) {
                            v.set(x, y, z, value);
                        }
                    }
                }
            }
        }
        return v;
    }

    /** The phantom as a scanner with a Gaussian profile of FWHM r would record it with r-times thicker slices along axis. */
    public static Volume thick(int n, int nz, long seed, int axis, int r) {
        return new SliceProfile(SliceProfile.Shape.GAUSSIAN, r).thickSlices(ellipsoids(n, nz, seed), axis, r);
    }

    private static double sq(double x) {
        return x * x;
    }
}
