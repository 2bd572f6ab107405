package org.mrisr.engine.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class PatchGridTest {

    private static int[] coverage(PatchGrid g) {
        int[] s = g.shape();
        int[] c = new int[s[0] * s[1] * s[2]];
        for (Patch p : g.patches()) {
            for (int z = p.z0(); z < p.z0() + p.sz(); z++) {
                for (int y = p.y0(); y < p.y0() + p.sy(); y++) {
                    for (int x = p.x0(); x < p.x0() + p.sx(); x++) {
                        c[x + s[0] * (y + s[1] * z)]++;
                    }
                }
            }
        }
        return c;
    }

    @Test
    void paperGridOnPaperVolumesMatchesTheCodesPlacement() {
        // 224x224x152 (the paper's data): origins 0, 96 in x/y and 0, 60 in z, as the original code places them
        PatchGrid g = PatchGrid.paper(new int[] {224, 224, 152}, 4);
        assertEquals(8, g.size());
        assertArrayEquals(new int[] {0, 96}, PatchGrid.origins(224, 128, 112, 4));
        assertArrayEquals(new int[] {0, 60}, PatchGrid.origins(152, 92, 76, 4));
        for (int c : coverage(g)) {
            assertTrue(c >= 1);
        }
    }

    @Test
    void everyVoxelIsCoveredForManyShapes() {
        Random rnd = new Random(1);
        for (int t = 0; t < 200; t++) {
            int r = 1 + rnd.nextInt(3);
            int[] patch = new int[3];
            int[] stride = new int[3];
            int[] shape = new int[3];
            for (int a = 0; a < 3; a++) {
                patch[a] = r * (1 + rnd.nextInt(6));
                stride[a] = r * (1 + rnd.nextInt(patch[a] / r));
                shape[a] = r * (patch[a] / r + rnd.nextInt(8)); // divisible by r: full coverage
            }
            PatchGrid g = PatchGrid.of(shape, patch, stride, r);
            int[] c = coverage(g);
            for (int i = 0; i < c.length; i++) {
                assertTrue(c[i] >= 1, "voxel " + i + " uncovered for shape " + java.util.Arrays.toString(shape));
            }
            for (Patch p : g.patches()) {
                assertEquals(0, p.x0() % r);
                assertEquals(0, p.z0() % r);
                assertTrue(p.x0() + p.sx() <= shape[0] && p.y0() + p.sy() <= shape[1] && p.z0() + p.sz() <= shape[2]);
            }
            assertArrayEquals(shape, g.coveredExtent());
        }
    }

    @Test
    void oddAxesLeaveOnlyTheRemainderUncovered() {
        // ch2bet is 181x217x181: with r=2 the last voxel of odd axes cannot be covered by r-aligned patches
        PatchGrid g = PatchGrid.paper(new int[] {181, 217, 181}, 2);
        assertArrayEquals(new int[] {180, 216, 180}, g.coveredExtent());
        int[] c = coverage(g);
        for (int z = 0; z < 180; z++) {
            for (int y = 0; y < 216; y++) {
                for (int x = 0; x < 180; x++) {
                    assertTrue(c[x + 181 * (y + 217 * z)] >= 1);
                }
            }
        }
        // with r = 1 the last patch snaps exactly to the border
        PatchGrid g1 = PatchGrid.paper(new int[] {181, 217, 181}, 1);
        assertArrayEquals(new int[] {0, 53}, PatchGrid.origins(181, 128, 112, 1));
        for (int v : coverage(g1)) {
            assertTrue(v >= 1);
        }
    }

    @Test
    void gridForALowResInputCoversTheWholeOutput() {
        // ch2bet degraded x2 is 90x108x90; the SR output is 180x216x180
        PatchGrid g = PatchGrid.forLowRes(new int[] {90, 108, 90}, PatchGrid.PAPER_PATCH, PatchGrid.PAPER_STRIDE, 2);
        assertArrayEquals(new int[] {180, 216, 180}, g.shape());
        assertArrayEquals(g.shape(), g.coveredExtent());
        for (int v : coverage(g)) {
            assertTrue(v >= 1);
        }
        for (Patch p : g.patches()) {
            Patch lr = p.lowRes();
            assertTrue(lr.x0() + lr.sx() <= 90 && lr.y0() + lr.sy() <= 108 && lr.z0() + lr.sz() <= 90);
            assertArrayEquals(new int[] {64, 64, 46}, lr.size());
        }
    }

    @Test
    void lowResPatchIsExactlyAligned() {
        // HR = LR repeated r times per axis: each HR patch must equal its LR patch repeated
        int r = 2;
        int[] lrShape = {20, 18, 16};
        // LR voxel j covers HR voxels 2j and 2j+1: centre at HR index 2j + 0.5
        Affine lrAffine = Affine.ofRowMajor(2, 0, 0, 0.5, 0, 2, 0, 0.5, 0, 0, 2, 0.5, 0, 0, 0, 1);
        Volume lr = Volume.zeros(lrShape[0], lrShape[1], lrShape[2], lrAffine);
        Random rnd = new Random(3);
        for (int i = 0; i < lr.size(); i++) {
            lr.data()[i] = rnd.nextFloat();
        }
        Volume hr = Volume.zeros(40, 36, 32, Affine.identity());
        for (int z = 0; z < 32; z++) {
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 40; x++) {
                    hr.set(x, y, z, lr.get(x / r, y / r, z / r));
                }
            }
        }
        PatchGrid g = PatchGrid.of(hr.shape(), new int[] {16, 12, 8}, new int[] {12, 8, 6}, r);
        for (Patch p : g.patches()) {
            Volume hp = p.extract(hr);
            Volume lp = p.extractLowRes(lr);
            assertArrayEquals(new int[] {8, 6, 4}, lp.shape());
            for (int z = 0; z < hp.nz(); z++) {
                for (int y = 0; y < hp.ny(); y++) {
                    for (int x = 0; x < hp.nx(); x++) {
                        assertEquals(lp.get(x / r, y / r, z / r), hp.get(x, y, z));
                    }
                }
            }
            // both patches start at the same world corner
            assertArrayEquals(hp.affine().apply(-0.5, -0.5, -0.5), lp.affine().apply(-0.5, -0.5, -0.5), 1e-12);
            assertArrayEquals(hr.affine().cropped(p.x0(), p.y0(), p.z0()).toRowMajor(), hp.affine().toRowMajor(), 0);
        }
    }

    @Test
    void foregroundFilterAndSeededShuffle() {
        Volume v = Volume.zeros(64, 64, 64, Affine.identity());
        for (int z = 0; z < 32; z++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    v.set(x, y, z, 1);
                }
            }
        }
        PatchGrid g = PatchGrid.of(v.shape(), new int[] {32, 32, 16}, new int[] {32, 32, 16}, 2);
        assertEquals(16, g.size());
        PatchGrid fg = g.withForeground(BrainMask.fromIntensity(v), 0.5);
        assertEquals(8, fg.size());
        for (Patch p : fg.patches()) {
            assertTrue(p.z0() < 32);
        }
        List<Patch> a = g.shuffled(7);
        assertEquals(a, g.shuffled(7));
        assertNotEquals(a, g.shuffled(8));
        assertNotEquals(a, g.patches());
        assertEquals(new HashSet<>(g.patches()), new HashSet<>(a));
        // deterministic order: x fastest
        assertEquals(32, g.patches().get(1).x0());
        assertEquals(0, g.patches().get(1).y0());
    }

    @Test
    void badGridsAreExplained() {
        int[] s = {100, 100, 100};
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PatchGrid.of(s, new int[] {30, 32, 32}, new int[] {24, 24, 24}, 4));
        assertTrue(e.problem().contains("multiples of the factor 4"), e.problem());
        e = assertThrows(InvalidInputException.class, () -> PatchGrid.of(s, new int[] {128, 32, 32}, new int[] {8, 8, 8}, 1));
        assertTrue(e.problem().contains("larger than the volume"), e.problem());
        assertThrows(InvalidInputException.class, () -> PatchGrid.of(s, new int[] {8, 8, 8}, new int[] {16, 8, 8}, 1));
        assertThrows(InvalidInputException.class, () -> PatchGrid.of(s, new int[] {8, 8}, new int[] {8, 8, 8}, 1));
    }
}
