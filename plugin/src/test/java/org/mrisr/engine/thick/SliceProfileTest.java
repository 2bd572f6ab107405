package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.ops.GaussianBlur;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class SliceProfileTest {
    static Volume random(int nx, int ny, int nz, long seed) {
        return new Volume(nx, ny, nz, new Rng(seed).gaussian(nx * ny * nz, 10), Phantoms.oblique(1, 1, 1));
    }

    /** The thick-slice simulation written as the textbook sum, with scipy's 'reflect' boundary. */
    static Volume direct(Volume fine, int axis, int r, double[] kernel) {
        int[] n = fine.shape();
        int[] out = n.clone();
        out[axis] = (n[axis] - 1) / r + 1;
        Volume v = Volume.zeros(out[0], out[1], out[2], Affine.identity());
        int radius = kernel.length / 2;
        for (int z = 0; z < out[2]; z++) {
            for (int y = 0; y < out[1]; y++) {
                for (int x = 0; x < out[0]; x++) {
                    int[] c = {x, y, z};
                    double acc = 0;
                    for (int t = -radius; t <= radius; t++) {
                        int[] p = c.clone();
                        int i = c[axis] * r + t;
                        // reflect: -1 -> 0, -2 -> 1, n -> n-1, n+1 -> n-2
                        while (i < 0 || i >= n[axis]) {
                            i = i < 0 ? -i - 1 : 2 * n[axis] - i - 1;
                        }
                        p[axis] = i;
                        acc += kernel[t + radius] * fine.get(p[0], p[1], p[2]);
                    }
                    v.set(x, y, z, (float) acc);
                }
            }
        }
        return v;
    }

    @Test
    void gaussianKernelHasTheRequestedFullWidthAtHalfMaximum() {
        SliceProfile p = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 4);
        assertEquals(4 / 2.354820045, p.sigma(), 1e-8);
        double[] k = p.kernel();
        assertEquals(2 * (int) (4 * p.sigma() + 0.5) + 1, k.length, "scipy's radius int(4 sigma + 0.5)");
        int c = k.length / 2;
        // half the peak at FWHM/2 = 2 voxels either side
        assertEquals(0.5, k[c + 2] / k[c], 1e-12);
        assertEquals(0.5, k[c - 2] / k[c], 1e-12);
        assertEquals(1, sum(k), 1e-12);
    }

    @Test
    void boxKernelWeighsEachFineVoxelByItsOverlapWithTheSlab() {
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, new SliceProfile(SliceProfile.Shape.BOX, 5).kernel(), 1e-12);
        assertArrayEquals(new double[] {0.125, 0.25, 0.25, 0.25, 0.125}, new SliceProfile(SliceProfile.Shape.BOX, 4).kernel(),
                1e-12);
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, new SliceProfile(SliceProfile.Shape.BOX, 2).kernel(), 1e-12);
        double[] k = new SliceProfile(SliceProfile.Shape.BOX, 3.5).kernel();
        assertArrayEquals(new double[] {0.25 / 3.5, 1 / 3.5, 1 / 3.5, 1 / 3.5, 0.25 / 3.5}, k, 1e-12);
    }

    @Test
    void thickSlicesEqualADirectConvolutionAlongEachAxis() {
        Volume fine = random(9, 11, 13, 1);
        for (SliceProfile p : new SliceProfile[] {new SliceProfile(SliceProfile.Shape.BOX, 4),
            new SliceProfile(SliceProfile.Shape.BOX, 3.3), new SliceProfile(SliceProfile.Shape.GAUSSIAN, 3)}) {
            for (int axis = 0; axis < 3; axis++) {
                for (int r : new int[] {2, 3, 4}) {
                    Volume thick = p.thickSlices(fine, axis, r);
                    Volume ref = direct(fine, axis, r, p.kernel());
                    assertArrayEquals(ref.shape(), thick.shape());
                    assertArrayEquals(ref.data(), thick.data(), 1e-4f, p + " axis " + axis + " r " + r);
                }
            }
        }
    }

    @Test
    void gaussianThickSlicesAreScipysGaussianFilterAlongTheAxisThenEveryRthSlice() {
        Volume fine = random(8, 10, 23, 2);
        SliceProfile p = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 4);
        Volume thick = p.thickSlices(fine, 2, 4);
        Volume blurred = GaussianBlur.blur(fine, 0, 0, p.sigma());
        assertArrayEquals(new int[] {8, 10, 6}, thick.shape(), "slices 0, 4, ..., 20 of 23");
        for (int k = 0; k < 6; k++) {
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 8; x++) {
                    assertEquals(blurred.get(x, y, 4 * k), thick.get(x, y, k), 2e-5, "voxel " + x + "," + y + "," + k);
                }
            }
        }
    }

    @Test
    void thickSliceAffineStepsRFineSlicesAndRefiningReturnsTheFineAffine() {
        Volume fine = random(8, 10, 40, 3);
        Volume thick = new SliceProfile(SliceProfile.Shape.BOX, 4).thickSlices(fine, 2, 4);
        assertArrayEquals(fine.affine().apply(2, 3, 8), thick.affine().apply(2, 3, 2), 1e-9);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "thick");
        assertEquals(4, g.factor());
        assertEquals(0, g.outputAffine(thick.affine()).maxAbsDifference(fine.affine()), 1e-12);
        assertArrayEquals(fine.shape(), g.outputShape(thick.shape()));
    }

    @Test
    void refusesBadProfiles() {
        assertThrows(InvalidInputException.class, () -> new SliceProfile(SliceProfile.Shape.BOX, 0));
        assertThrows(InvalidInputException.class, () -> new SliceProfile(SliceProfile.Shape.GAUSSIAN, Double.NaN));
        assertEquals(SliceProfile.Shape.BOX, SliceProfile.Shape.parse("Box", "--profile"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SliceProfile.Shape.parse("sinc", "--profile"));
        assertEquals("--profile", e.source());
    }

    private static double sum(double[] k) {
        double s = 0;
        for (double v : k) {
            s += v;
        }
        return s;
    }
}
