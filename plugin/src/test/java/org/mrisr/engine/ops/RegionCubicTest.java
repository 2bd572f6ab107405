package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class RegionCubicTest {
    /** Random values (the worst case for the spline prefilter's reach): range 0..100. */
    private static Volume volume(int nx, int ny, int nz) {
        SplittableRandom r = new SplittableRandom(11);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (100 * r.nextDouble());
        }
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    /** Max |box − crop of the whole cubic spline| over the box. */
    private static double boxAgainstWhole(Volume lr, int factor, int[] o, int[] s) {
        Volume whole = Interpolator.cubic(lr, factor);
        RegionCubic region = new RegionCubic(lr.shape(), whole.shape(), o, s);
        int[] b = region.lrOrigin();
        int[] bs = region.lrSize();
        Volume box = region.apply(lr.crop(b[0], b[1], b[2], bs[0], bs[1], bs[2]));
        assertArrayEquals(s, box.shape());
        float[] w = whole.crop(o[0], o[1], o[2], s[0], s[1], s[2]).data();
        double max = 0;
        for (int i = 0; i < w.length; i++) {
            max = Math.max(max, Math.abs(w[i] - box.data()[i]));
        }
        return max;
    }

    @Test
    void aBoxMatchesTheCropOfTheWholeCubicSplineWithinTheMarginsDecay() {
        Volume lr = volume(40, 36, 30);
        // interior: the box ends inside the volume on every side
        double interior = boxAgainstWhole(lr, 2, new int[] {30, 28, 24}, new int[] {12, 10, 8});
        System.err.printf("[region cubic] interior box: max |box - whole| = %.3g of range 100%n", interior);
        assertTrue(interior < 1e-3 && interior > 0, "interior box: max difference " + interior + " of range 100");
        // boxes reaching the volume's faces, x4 and sizes that are no multiple of the factor
        assertTrue(boxAgainstWhole(lr, 2, new int[] {0, 0, 0}, new int[] {16, 16, 16}) < 1e-3);
        assertTrue(boxAgainstWhole(lr, 4, new int[] {100, 60, 40}, new int[] {60, 24, 16}) < 1e-3);
        assertTrue(boxAgainstWhole(volume(13, 9, 11), 2, new int[] {3, 0, 5}, new int[] {7, 18, 9}) < 1e-3);
    }

    @Test
    void aBoxThatTakesTheWholeVolumeIsExact() {
        Volume lr = volume(12, 10, 9);
        Volume whole = Interpolator.cubic(lr, 2);
        RegionCubic region = new RegionCubic(lr.shape(), whole.shape(), new int[] {0, 0, 0}, whole.shape());
        assertArrayEquals(new int[] {12, 10, 9}, region.lrSize());
        assertArrayEquals(whole.data(), region.apply(lr).data());
    }
}
