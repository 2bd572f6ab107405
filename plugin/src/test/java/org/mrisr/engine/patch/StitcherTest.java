package org.mrisr.engine.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class StitcherTest {

    private static Volume randomVolume(int nx, int ny, int nz, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rnd.nextGaussian() * 100 + 50);
        }
        return new Volume(nx, ny, nz, d, Affine.ofRowMajor(0.9, 0, 0, -10, 0, 1.1, 0, 5, 0, 0, 1.3, 2, 0, 0, 0, 1));
    }

    @Test
    void stitchingUnchangedPatchesGivesTheVolumeBackExactly() {
        Volume v = randomVolume(37, 29, 23, 1);
        PatchGrid g = PatchGrid.of(v.shape(), new int[] {12, 10, 8}, new int[] {5, 4, 3}, 1);
        for (Blending w : Blending.values()) {
            Stitcher s = new Stitcher(v.nx(), v.ny(), v.nz(), v.affine(), w);
            for (Patch p : g.shuffled(3)) {
                s.add(p, p.extract(v));
            }
            assertEquals(0, s.uncovered());
            Volume out = s.finish();
            assertArrayEquals(v.data(), out.data(), w.name());
            assertEquals(v.affine(), out.affine());
        }
    }

    @Test
    void offsetPatchesBlendToTheDirectWeightedAverage() {
        Volume v = randomVolume(30, 26, 20, 2);
        PatchGrid g = PatchGrid.of(v.shape(), new int[] {12, 10, 8}, new int[] {7, 6, 5}, 1);
        List<Patch> patches = g.patches();
        double[] c = new double[patches.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = 10 * (i % 7) - 25;
        }
        for (Blending w : Blending.values()) {
            Stitcher s = new Stitcher(v.nx(), v.ny(), v.nz(), v.affine(), w);
            double[] num = new double[v.size()];
            double[] den = new double[v.size()];
            for (int i = 0; i < c.length; i++) {
                Patch p = patches.get(i);
                Volume pv = p.extract(v);
                for (int k = 0; k < pv.size(); k++) {
                    pv.data()[k] += (float) c[i];
                }
                s.add(p, pv);
                double[] wx = s.window(p.sx());
                double[] wy = s.window(p.sy());
                double[] wz = s.window(p.sz());
                for (int z = 0; z < p.sz(); z++) {
                    for (int y = 0; y < p.sy(); y++) {
                        for (int x = 0; x < p.sx(); x++) {
                            int idx = v.index(p.x0() + x, p.y0() + y, p.z0() + z);
                            double wt = wx[x] * wy[y] * wz[z];
                            num[idx] += wt * pv.get(x, y, z);
                            den[idx] += wt;
                        }
                    }
                }
            }
            Volume out = s.finish();
            double maxErr = 0;
            for (int k = 0; k < v.size(); k++) {
                maxErr = Math.max(maxErr, Math.abs(out.data()[k] - num[k] / den[k]));
            }
            assertTrue(maxErr < 1e-3, w + " max error " + maxErr); // values ~±300: a few float32 ulps
        }
    }

    @Test
    void gaussianWindowPeaksInTheMiddleAndNeverVanishes() {
        Stitcher s = new Stitcher(4, 4, 4, Affine.identity(), Blending.GAUSSIAN);
        double[] w = s.window(128);
        assertTrue(w[0] > 0 && w[0] < 1e-3);
        assertEquals(w[0], w[127], 1e-15);
        assertTrue(w[63] > 0.99 && w[64] > 0.99);
    }

    @Test
    void misuseIsRejected() {
        Stitcher s = new Stitcher(8, 8, 8, Affine.identity(), Blending.CONSTANT);
        assertThrows(IllegalArgumentException.class, () -> s.add(4, 4, 4, Volume.zeros(5, 2, 2, Affine.identity())));
        assertThrows(IllegalArgumentException.class,
                () -> s.add(new Patch(0, 0, 0, 0, 4, 4, 4, 1), Volume.zeros(4, 4, 3, Affine.identity())));
        s.add(0, 0, 0, Volume.zeros(4, 4, 4, Affine.identity()));
        assertEquals(512 - 64, s.uncovered());
        s.finish();
        assertThrows(IllegalStateException.class, () -> s.add(0, 0, 0, Volume.zeros(1, 1, 1, Affine.identity())));
    }
}
