package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class InPlanePairsTest {
    static final int P = 12;
    static final int R = 3;

    final Volume scan = SliceProfileTest.random(20, 17, 9, 6);
    final SliceProfile profile = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 3);
    final InPlanePairs pairs = new InPlanePairs(scan, 2, R, profile, P, 1);

    @Test
    void aPairIsAnInPlanePatchAndTheCubicRefinementOfItsThickSlices() {
        // degrade x (swap false), no flips, phase 0: the volume-level operators on the slice give the input
        InPlanePairs.Draw d = new InPlanePairs.Draw(4, false, false, false, 1, 0, 2);
        float[] in = new float[P * P];
        float[] out = new float[P * P];
        pairs.fill(d, in, out, 0);
        Volume slice = scan.crop(0, 0, 4, 20, 17, 1);
        Volume fine = ThroughPlane.cubic(profile.thickSlices(slice, 0, R), 0, R);
        for (int i = 0; i < P; i++) {
            for (int w = 0; w < P; w++) {
                assertEquals(scan.get(2 + i, 1 + w, 4), out[i * P + w], 0, "target row " + i + " col " + w);
                assertEquals(fine.get(2 + i, 1 + w, 0), in[i * P + w], 1e-4, "input row " + i + " col " + w);
            }
        }
    }

    @Test
    void flipsTranspositionAndPhaseKeepTheDegradationValid() {
        // degrade y (swap true), both directions flipped, the first thick sample on fine line 2
        InPlanePairs.Draw d = new InPlanePairs.Draw(7, true, true, true, 3, 2, 1);
        float[] in = new float[P * P];
        float[] out = new float[P * P];
        pairs.fill(d, in, out, 0);
        double[] k = profile.kernel();
        int ny = 17;
        int m = (ny - 1 - 2) / R + 1;
        float[] thick = new float[P * m];
        for (int w = 0; w < P; w++) {
            int x = 19 - (3 + w);
            float[] line = new float[ny];
            for (int h = 0; h < ny; h++) {
                line[h] = scan.get(x, ny - 1 - h, 7);
            }
            for (int j = 0; j < m; j++) {
                double acc = 0;
                for (int t = 0; t < k.length; t++) {
                    int i = 2 + j * R + t - k.length / 2;
                    i = i < 0 ? -i - 1 : i >= ny ? 2 * ny - i - 1 : i;
                    acc += k[t] * line[i];
                }
                thick[w + P * j] = (float) acc;
            }
            for (int i = 0; i < P; i++) {
                assertEquals(line[2 + 1 + i], out[i * P + w], 0, "target row " + i + " col " + w);
            }
        }
        Volume fine = ThroughPlane.cubic(new Volume(P, m, 1, thick, Affine.identity()), 1, R);
        for (int i = 0; i < P; i++) {
            for (int w = 0; w < P; w++) {
                assertEquals(fine.get(w, 1 + i, 0), in[i * P + w], 1e-5, "input row " + i + " col " + w);
            }
        }
    }

    @Test
    void patchesFavourForegroundAndShrinkToSmallSlices() {
        Volume v = Volume.zeros(40, 40, 8, Affine.diagonal(1, 1, 3));
        for (int z = 0; z < 8; z++) {
            for (int y = 20; y < 30; y++) {
                for (int x = 5; x < 15; x++) {
                    v.set(x, y, z, 1);
                }
            }
        }
        InPlanePairs p = new InPlanePairs(v, 2, R, profile, 8, 2);
        InPlanePairs.Batch b = p.next(50);
        int withForeground = 0;
        for (int s = 0; s < 50; s++) {
            double sum = 0;
            for (int i = 0; i < 64; i++) {
                sum += b.target()[s * 64 + i];
            }
            withForeground += sum >= 16 ? 1 : 0;
        }
        assertTrue(withForeground >= 45, withForeground + " of 50 patches hold a quarter of foreground");
        assertEquals(17, new InPlanePairs(scan, 2, R, profile, 48, 1).patch(), "clamped to the smaller in-plane size");
    }
}
