package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;

class BrainMaskTest {

    @Test
    void ch2betMaskEqualsScipyFillHoles() {
        Volume v = Ch2.bet();
        BrainMask m = BrainMask.fromIntensity(v);
        Volume ref = PyVolumes.compute(v, "ndi.binary_fill_holes(v > 0)");
        Volume ours = m.toVolume(v);
        assertEquals(0, PyVolumes.countDifferent(ours, ref));
        long positive = 0;
        for (float f : v.data()) {
            if (f > 0) {
                positive++;
            }
        }
        assertTrue(m.count() >= positive);
        System.err.println("[brain mask] ch2bet: " + positive + " voxels > 0, " + m.count() + " after filling holes");
    }

    /** A hollow cube: its cavity is filled; opened by a face-connected channel, it is not. */
    @Test
    void holesAreFilledOnlyWhenEnclosedIn6Connectivity() {
        int n = 9;
        Volume v = Volume.zeros(n, n, n, Affine.identity());
        for (int z = 2; z <= 6; z++) {
            for (int y = 2; y <= 6; y++) {
                for (int x = 2; x <= 6; x++) {
                    boolean shell = x == 2 || x == 6 || y == 2 || y == 6 || z == 2 || z == 6;
                    v.set(x, y, z, shell ? 1 : 0);
                }
            }
        }
        assertTrue(BrainMask.fromIntensity(v).contains(4, 4, 4));
        assertFalse(BrainMask.fromIntensity(v).contains(0, 0, 0));
        // a diagonal gap does not connect in 6-connectivity: still a hole
        Volume diag = v.copy();
        diag.set(6, 6, 5, 0);
        diag.set(5, 5, 5, 1); // block the face path behind it
        assertTrue(BrainMask.fromIntensity(diag).contains(4, 4, 4));
        // a face opening connects the cavity to the outside
        Volume open = v.copy();
        open.set(6, 4, 4, 0);
        assertFalse(BrainMask.fromIntensity(open).contains(4, 4, 4));
        Volume ref = PyVolumes.compute(diag, "ndi.binary_fill_holes(v > 0)");
        assertEquals(0, PyVolumes.countDifferent(BrainMask.fromIntensity(diag).toVolume(diag), ref));
    }

    @Test
    void maskVolumeAndFractions() {
        Volume v = Volume.zeros(4, 4, 4, Affine.identity());
        Volume maskVol = Volume.zeros(4, 4, 4, Affine.identity());
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 4; y++) {
                for (int z = 0; z < 4; z++) {
                    maskVol.set(x, y, z, 3);
                }
            }
        }
        BrainMask m = BrainMask.fromMaskVolume(maskVol, v, "mask.nii");
        assertEquals(32, m.count());
        assertEquals(0.5, m.fraction(0, 0, 0, 4, 4, 4));
        assertEquals(1.0, m.fraction(0, 0, 0, 2, 2, 2));
        Volume ones = v.withData(new float[64]);
        java.util.Arrays.fill(ones.data(), 2f);
        assertEquals(64f, sum(m.apply(ones)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BrainMask.fromMaskVolume(Volume.zeros(4, 4, 5, Affine.identity()), v, "mask.nii"));
        assertEquals("mask.nii", e.source());
    }

    private static float sum(Volume v) {
        float s = 0;
        for (float f : v.data()) {
            s += f;
        }
        return s;
    }
}
