package org.mrisr.engine.viz;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.mrisr.engine.volume.Volume;

/**
 * Grey-level images of single orthogonal slices of a volume, for slice viewers. Plane
 * {@link Plane#AXIAL} fixes z and shows (x, y), {@link Plane#CORONAL} fixes y and shows (x, z),
 * {@link Plane#SAGITTAL} fixes x and shows (y, z); the second in-plane axis points up, as in
 * {@link Montage}. The grey window is fixed per volume ({@link #window}) so scrolling through slices
 * does not change brightness.
 */
public final class SliceImage {
    public enum Plane {
        AXIAL(2), CORONAL(1), SAGITTAL(0);

        private final int fixedAxis;

        Plane(final int fixedAxis) {
            this.fixedAxis = fixedAxis;
        }

        /** The axis the slice index runs along (0 = x, 1 = y, 2 = z). */
        public int fixedAxis() {
            return fixedAxis;
        }
    }

    private SliceImage() {
    }

    /** {lo, hi}: the 0.5th and 99.5th percentiles of the volume (a sample of at most ~1M voxels). */
    public static float[] window(final Volume v) {
        float[] d = v.data();
        int step = Math.max(1, d.length / (1 << 20));
        float[] s = new float[(d.length + step - 1) / step];
        for (int i = 0, j = 0; i < d.length; i += step, j++) {
            s[j] = d[i];
        }
        Arrays.sort(s);
        float lo = s[(int)Math.floor(0.005 * (s.length - 1))];
        float hi = s[(int)Math.ceil(0.995 * (s.length - 1))];
        return new float[] {lo, hi > lo ? hi : lo + 1};
    }

    /** The number of slices along the plane's fixed axis. */
    public static int sliceCount(final Volume v, final Plane p) {
        return v.shape()[p.fixedAxis()];
    }

    /**
     * Slice {@code index} of plane {@code p} as an 8-bit grey image, one pixel per voxel.
     *
     * @param window {lo, hi}: lo maps to black, hi to white
     */
    public static BufferedImage render(final Volume v, final Plane p, final int index, final float[] window) {
        int n = sliceCount(v, p);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("slice " + index + " outside 0.." + (n - 1) + " for " + p);
        }
        int[] sh = v.shape();
        int u = p == Plane.SAGITTAL ? 1 : 0;
        int w = p == Plane.AXIAL ? 1 : 2;
        int width = sh[u];
        int height = sh[w];
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        float lo = window[0];
        float scale = 255f / (window[1] - window[0]);
        int[] pos = new int[3];
        pos[p.fixedAxis()] = index;
        for (int b = 0; b < height; b++) {
            for (int a = 0; a < width; a++) {
                pos[u] = a;
                pos[w] = b;
                float g = (v.get(pos[0], pos[1], pos[2]) - lo) * scale;
                int grey = g <= 0 || Float.isNaN(g) ? 0 : g >= 255 ? 255 : Math.round(g);
                img.getRaster().setSample(a, height - 1 - b, 0, grey);
            }
        }
        return img;
    }
}
