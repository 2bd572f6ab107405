package org.mrisr.engine.srgan.train;

import org.mrisr.engine.nn.Rng;

/**
 * Random flips per axis and 90° rotations in the x–y plane (only when the patch is square in x–y,
 * so shapes are kept), applied identically to the LR and HR patch.
 */
public final class Augmentation {
    private Augmentation() {
    }

    public static PatchPair apply(PatchPair p, Rng rng) {
        boolean fx = rng.nextBoolean();
        boolean fy = rng.nextBoolean();
        boolean fz = rng.nextBoolean();
        int rot = p.lrX() == p.lrY() ? rng.nextInt(4) : 0;
        float[] lr = transform(p.lr(), p.lrX(), p.lrY(), p.lrZ(), fx, fy, fz, rot);
        float[] hr = transform(p.hr(), p.hrX(), p.hrY(), p.hrZ(), fx, fy, fz, rot);
        return new PatchPair(lr, hr, p.lrX(), p.lrY(), p.lrZ(), p.factor());
    }

    /** out(x, y, z) = in(source of x, y, z) after flips, then {@code rot} quarter turns in x–y. */
    static float[] transform(float[] in, int nx, int ny, int nz, boolean fx, boolean fy, boolean fz, int rot) {
        float[] out = new float[in.length];
        for (int z = 0; z < nz; z++) {
            int sz = fz ? nz - 1 - z : z;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int rx;
                    int ry;
                    switch (rot) {
                        case 1 -> {
                            rx = y;
                            ry = nx - 1 - x;
                        }
                        case 2 -> {
                            rx = nx - 1 - x;
                            ry = ny - 1 - y;
                        }
                        case 3 -> {
                            rx = ny - 1 - y;
                            ry = x;
                        }
                        default -> {
                            rx = x;
                            ry = y;
                        }
                    }
                    int sx = fx ? nx - 1 - rx : rx;
                    int sy = fy ? ny - 1 - ry : ry;
                    out[x + nx * (y + ny * z)] = in[sx + nx * (sy + ny * sz)];
                }
            }
        }
        return out;
    }
}
