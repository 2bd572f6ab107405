package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class ThickGeometryTest {
    static Volume scan(int nx, int ny, int nz, Affine a) {
        return Volume.zeros(nx, ny, nz, a);
    }

    @Test
    void detectsTheCoarsestAxisAndTheSpacingRatio() {
        ThickGeometry g = ThickGeometry.detect(scan(20, 22, 12, Phantoms.oblique(1, 1, 5)), null, null, null, "scan");
        assertEquals(2, g.axis());
        assertEquals(5, g.factor());
        assertEquals(5, g.spacingMm(), 1e-12);
        assertEquals(5, g.thicknessMm(), 1e-12);
        assertEquals(5, g.fwhmFineVoxels(), 1e-12);

        ThickGeometry y = ThickGeometry.detect(scan(20, 10, 22, Affine.diagonal(0.9, 4.4, 0.9)), null, null, null, "scan");
        assertEquals(1, y.axis());
        assertEquals(5, y.factor(), "4.4 / 0.9 = 4.9 rounds to 5");
    }

    @Test
    void overridesWinAndAGivenThicknessSetsTheProfileWidth() {
        Volume v = scan(20, 22, 12, Affine.diagonal(1, 1, 4));
        ThickGeometry g = ThickGeometry.detect(v, 2, 2, 3.0, "scan");
        assertEquals(2, g.factor());
        assertEquals(3.0 * 2 / 4, g.fwhmFineVoxels(), 1e-12, "3 mm slices every 4 mm, on a 2 mm fine grid");
        ThickGeometry forced = ThickGeometry.detect(scan(12, 12, 12, Affine.diagonal(1, 1, 1)), 0, 3, null, "iso");
        assertEquals(0, forced.axis());
        assertEquals(3, forced.factor());
    }

    @Test
    void refusesWhatCannotBeRefined() {
        InvalidInputException iso = assertThrows(InvalidInputException.class,
                () -> ThickGeometry.detect(scan(12, 12, 12, Affine.diagonal(1, 1, 1.2)), null, null, null, "iso.nii"));
        assertEquals("iso.nii", iso.source());
        assertTrue(iso.problem().contains("already isotropic"), iso.problem());

        InvalidInputException small = assertThrows(InvalidInputException.class,
                () -> ThickGeometry.detect(scan(12, 12, 12, Affine.diagonal(1, 1, 1.2)), 2, null, null, "iso.nii"));
        assertTrue(small.problem().contains("factor 1") && small.problem().contains("below 2"), small.problem());

        InvalidInputException factor = assertThrows(InvalidInputException.class,
                () -> ThickGeometry.detect(scan(12, 12, 12, Affine.diagonal(1, 1, 5)), null, 1, null, "a.nii"));
        assertTrue(factor.problem().contains("below 2"), factor.problem());

        InvalidInputException few = assertThrows(InvalidInputException.class,
                () -> ThickGeometry.detect(scan(30, 30, 7, Affine.diagonal(1, 1, 5)), null, null, null, "few.nii"));
        assertTrue(few.problem().contains("only 7 slices along z") && few.problem().contains("at least 8"), few.problem());

        InvalidInputException big = assertThrows(InvalidInputException.class,
                () -> ThickGeometry.detect(scan(30, 30, 10, Affine.diagonal(1, 1, 8)), null, null, null, "a.nii"));
        assertTrue(big.problem().contains("above the supported 6"), big.problem());
    }

    @Test
    void outputGridDividesTheThickSpacingAndKeepsTheFirstSliceCentre() {
        Affine in = Phantoms.oblique(0.9, 1.1, 5);
        ThickGeometry g = ThickGeometry.detect(scan(20, 22, 12, in), null, null, null, "scan");
        assertArrayEquals(new int[] {20, 22, 60}, g.outputShape(new int[] {20, 22, 12}));
        Affine out = g.outputAffine(in);
        assertArrayEquals(new double[] {0.9, 1.1, 1.0}, out.voxelSize(), 1e-12);
        for (int k = 0; k < 12; k++) {
            // fine slice k*r is thick slice k, anywhere in the plane
            assertArrayEquals(in.apply(3, 7, k), out.apply(3, 7, k * 5), 1e-9);
        }
        assertArrayEquals(in.apply(0, 0, 0.4), out.apply(0, 0, 2), 1e-9);
        // the in-plane columns are untouched
        for (int r = 0; r < 3; r++) {
            assertEquals(in.get(r, 0), out.get(r, 0), 0);
            assertEquals(in.get(r, 1), out.get(r, 1), 0);
        }
    }

    @Test
    void parsesAxisNames() {
        assertEquals(0, ThickGeometry.parseAxis("x", "--axis"));
        assertEquals(1, ThickGeometry.parseAxis(" Y", "--axis"));
        assertEquals(2, ThickGeometry.parseAxis("2", "--axis"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ThickGeometry.parseAxis("w", "--axis"));
        assertEquals("--axis", e.source());
    }
}
