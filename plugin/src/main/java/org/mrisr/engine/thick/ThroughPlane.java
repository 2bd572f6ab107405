package org.mrisr.engine.thick;

import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;

/**
 * Interpolation along the thick axis only, onto the refined grid of {@link ThickGeometry}: fine
 * slice k at thick-slice index k/r, {@code n·r} fine slices. Order 3 is the cubic B-spline baseline
 * (and the network's input), order 0 nearest neighbour (for views), both through the engine's
 * scipy-equal {@code zoom}: the {@code (n − 1)·r + 1} slices from the first to the last thick slice
 * centre are exactly scipy's zoom grid (step 1/r), and the {@code r − 1} slices past the last centre
 * continue it with the spline's mirror boundary, i.e. mirror the slices just before it (nearest
 * neighbour repeats the last slice there).
 */
public final class ThroughPlane {
    private ThroughPlane() {
    }

    /** Cubic B-spline (prefiltered) refinement of {@code thick} by r along {@code axis}. */
    public static Volume cubic(Volume thick, int axis, int r) {
        return refine(thick, axis, r, 3);
    }

    /** Nearest-neighbour refinement (each thick slice repeated, rounding half up), for views. */
    public static Volume nearest(Volume thick, int axis, int r) {
        return refine(thick, axis, r, 0);
    }

    static Volume refine(Volume thick, int axis, int r, int order) {
        int[] n = thick.shape();
        int[] inner = n.clone();
        inner[axis] = (n[axis] - 1) * r + 1;
        Volume z = Interpolator.toShape(thick, inner, order, true);
        int[] out = n.clone();
        out[axis] = n[axis] * r;
        float[] dst = new float[out[0] * out[1] * out[2]];
        int[] stride = {1, out[0], out[0] * out[1]};
        int slab = stride[axis];
        int outer = out[0] * out[1] * out[2] / (slab * out[axis]);
        float[] src = z.data();
        int innerLen = inner[axis];
        for (int o = 0; o < outer; o++) {
            int srcBase = o * slab * innerLen;
            int dstBase = o * slab * out[axis];
            System.arraycopy(src, srcBase, dst, dstBase, slab * innerLen);
            for (int k = innerLen; k < out[axis]; k++) {
                int from = order == 0 ? innerLen - 1 : 2 * (innerLen - 1) - k;
                System.arraycopy(src, srcBase + from * slab, dst, dstBase + k * slab, slab);
            }
        }
        return new Volume(out[0], out[1], out[2], dst, z.affine(), thick.spaceCode());
    }
}
