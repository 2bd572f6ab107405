package org.mrisr.engine.ops;

import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;
import org.mrisr.testutil.RealData;

/** The real ch2bet brain (181×217×181, 1 mm, uint8 intensities 0..133), loaded once per test JVM. */
final class Ch2 {
    /**
     * Allowed max |ours − scipy| as a fraction of the data range. The issue asks for 1e-4; the ops
     * reproduce scipy's arithmetic, so we hold them to float32 rounding level instead (measured: 0,
     * or ~1e-15 absolute on near-zero background voxels).
     */
    static final double MAX_REL_DIFF = 1e-6;

    private static Volume ch2bet;

    private Ch2() {
    }

    static synchronized Volume bet() {
        if (ch2bet == null) {
            ch2bet = PyVolumes.load(RealData.mricron("ch2bet.nii.gz"));
        }
        return ch2bet;
    }

    /** A brain-centred crop, small enough for fast comparisons, with a non-trivial affine offset. */
    static Volume betCrop(int sx, int sy, int sz) {
        Volume v = bet();
        return v.crop((v.nx() - sx) / 2, (v.ny() - sy) / 2, (v.nz() - sz) / 2, sx, sy, sz);
    }

    /** Prints a measured agreement figure for the report and returns it. */
    static double report(String what, double maxAbsDiff, double range) {
        System.err.printf("[scipy agreement] %-48s max|diff| = %.3g (%.3g of range %.4g)%n", what, maxAbsDiff,
                maxAbsDiff / range, range);
        return maxAbsDiff;
    }
}
