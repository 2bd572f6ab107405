package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;

class ThroughPlaneTest {
    @Test
    void cubicIsScipysZoomGridBetweenTheOuterSlicesAndItsMirrorBeyond() {
        Volume thick = SliceProfileTest.random(7, 6, 9, 4);
        for (int axis = 0; axis < 3; axis++) {
            int r = 3;
            Volume fine = ThroughPlane.cubic(thick, axis, r);
            int[] n = thick.shape();
            int[] inner = n.clone();
            inner[axis] = (n[axis] - 1) * r + 1;
            Volume zoom = Interpolator.toShape(thick, inner, 3, true);
            int[] expected = n.clone();
            expected[axis] = n[axis] * r;
            assertArrayEquals(expected, fine.shape());
            assertEquals(0, fine.affine().maxAbsDifference(zoom.affine()), 0);
            assertEquals(0, fine.affine().maxAbsDifference(new ThickGeometry(axis, r, 1, 1).outputAffine(thick.affine())), 1e-12, "the geometry's output grid");
            for (int z = 0; z < expected[2]; z++) {
                for (int y = 0; y < expected[1]; y++) {
                    for (int x = 0; x < expected[0]; x++) {
                        int[] p = {x, y, z};
                        int k = p[axis];
                        // past the last thick slice centre: the mirror image about it
                        p[axis] = k < inner[axis] ? k : 2 * (inner[axis] - 1) - k;
                        assertEquals(zoom.get(p[0], p[1], p[2]), fine.get(x, y, z), 0, "axis " + axis + " at " + x + "," + y + "," + z);
                    }
                }
            }
        }
    }

    @Test
    void fineSlicesOnThickSliceCentresKeepTheirValuesAndNearestRepeatsSlices() {
        Volume thick = SliceProfileTest.random(5, 6, 8, 5);
        Volume cubic = ThroughPlane.cubic(thick, 2, 4);
        Volume nearest = ThroughPlane.nearest(thick, 2, 4);
        for (int k = 0; k < 8; k++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(thick.get(x, y, k), cubic.get(x, y, 4 * k), 1e-4);
                    assertEquals(thick.get(x, y, k), nearest.get(x, y, 4 * k), 0);
                    assertEquals(thick.get(x, y, 7), nearest.get(x, y, 31), 0, "last slice repeated past its centre");
                }
            }
        }
    }
}
