package org.mrisr.engine.metrics;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/** Checks a scoring pair (and mask) before any metric runs, with messages a user can act on. */
public final class MetricInputs {
    private MetricInputs() {
    }

    /**
     * Same voxel grid. When the shapes differ, says whether one looks like the other divided by an
     * integer factor per axis, i.e. an LR volume given in place of the SR output (or the two swapped).
     */
    public static void checkSameShape(Volume reference, String referenceName, Volume test, String testName) {
        if (reference.sameShape(test)) {
            return;
        }
        int[] r = reference.shape();
        int[] t = test.shape();
        String shapes = "shape " + shape(t) + " differs from the reference " + referenceName + " (" + shape(r) + ")";
        int[] down = factors(r, t);
        if (down != null) {
            throw new InvalidInputException(testName, shapes + "; it looks like the low-resolution volume (reference / "
                    + factorText(down) + " per axis): score the super-resolved output, which is on the reference grid");
        }
        int[] up = factors(t, r);
        if (up != null) {
            throw new InvalidInputException(testName, shapes + "; the reference looks like the low-resolution volume (test / "
                    + factorText(up) + " per axis): are the reference and test volumes swapped?");
        }
        throw new InvalidInputException(testName, shapes + "; both volumes must be on the same voxel grid");
    }

    /** Refuses NaN and ±Inf voxels, naming how many and the first one. */
    public static void checkFinite(Volume v, String name) {
        float[] d = v.data();
        long bad = 0;
        int first = -1;
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                if (first < 0) {
                    first = i;
                }
                bad++;
            }
        }
        if (bad > 0) {
            int x = first % v.nx();
            int y = (first / v.nx()) % v.ny();
            int z = first / (v.nx() * v.ny());
            throw new InvalidInputException(name, bad + " voxel(s) are NaN or infinite (first at x=" + x + ", y=" + y + ", z=" + z
                    + ", value " + d[first] + "); metrics need finite intensities: fix or mask them out of the volume first");
        }
    }

    /** The mask is on the reference's grid. */
    public static void checkMask(Volume reference, Volume mask, String maskName) {
        if (!reference.sameShape(mask)) {
            throw new InvalidInputException(maskName, "mask is " + shape(mask.shape()) + " but the reference is "
                    + shape(reference.shape()) + "; the mask must be on the reference grid");
        }
    }

    static String shape(int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    /** Integer factors f with small[i] = floor or ceil(big[i] / f[i]), at least one f &gt; 1; else null. */
    private static int[] factors(int[] big, int[] small) {
        int[] f = new int[3];
        boolean any = false;
        for (int i = 0; i < 3; i++) {
            if (small[i] > big[i]) {
                return null;
            }
            f[i] = (int) Math.round((double) big[i] / small[i]);
            if (f[i] < 1 || (big[i] / f[i] != small[i] && (big[i] + f[i] - 1) / f[i] != small[i])) {
                return null;
            }
            any |= f[i] > 1;
        }
        return any ? f : null;
    }

    private static String factorText(int[] f) {
        return f[0] == f[1] && f[1] == f[2] ? String.valueOf(f[0]) : f[0] + "," + f[1] + "," + f[2];
    }
}
