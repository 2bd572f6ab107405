package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class RegionDegraderTest {
    /** Random smooth-ish values: any difference in taps or margins shows. */
    private static Volume volume(int nx, int ny, int nz) {
        SplittableRandom r = new SplittableRandom(7);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (100 * r.nextDouble());
        }
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    private static void boxEqualsCropOfWhole(Degrader d, Volume hr, int[] o, int[] s) {
        Volume whole = d.apply(hr);
        RegionDegrader region = new RegionDegrader(d, hr, o, s);
        int[] b = region.hrOrigin();
        int[] bs = region.hrSize();
        Volume box = region.apply(hr.crop(b[0], b[1], b[2], bs[0], bs[1], bs[2]));
        assertArrayEquals(whole.crop(o[0], o[1], o[2], s[0], s[1], s[2]).data(), box.data(),
                "box at " + o[0] + "," + o[1] + "," + o[2]);
    }

    @Test
    void aBoxIsExactlyTheCropOfTheWholeDegradationInsideAndAtTheFaces() {
        Volume hr = volume(40, 36, 30);
        Degrader d = Degrader.of(2);
        boxEqualsCropOfWhole(d, hr, new int[] {5, 4, 3}, new int[] {8, 8, 6});
        boxEqualsCropOfWhole(d, hr, new int[] {0, 0, 0}, new int[] {6, 5, 4});
        boxEqualsCropOfWhole(d, hr, new int[] {12, 10, 9}, new int[] {8, 8, 6}); // last LR voxels
    }

    @Test
    void otherFactorsOrdersSigmasAndSizesNotAMultipleOfTheFactor() {
        Volume hr = volume(37, 41, 29);
        boxEqualsCropOfWhole(Degrader.of(4).withOrder(1), hr, new int[] {1, 2, 1}, new int[] {5, 6, 4});
        boxEqualsCropOfWhole(Degrader.of(2).withOrder(0).withSigma(0.5), hr, new int[] {3, 0, 2}, new int[] {7, 9, 5});
        boxEqualsCropOfWhole(Degrader.of(2).withSigma(0), hr, new int[] {10, 11, 7}, new int[] {8, 9, 7});
        boxEqualsCropOfWhole(Degrader.of(new double[] {1, 1, 3}).withSigma(0, 0, 1.2), hr, new int[] {4, 4, 2},
                new int[] {10, 10, 5});
    }

    @Test
    void theBlockIsSmallerThanTheVolumeForAnInteriorBox() {
        RegionDegrader r = new RegionDegrader(Degrader.of(2), volume(80, 80, 80), new int[] {15, 15, 15},
                new int[] {8, 8, 8});
        int[] s = r.hrSize();
        for (int a = 0; a < 3; a++) {
            // 8 LR voxels read about 16 HR voxels, plus the blur radius 4 and the spline's taps per side
            assertTrue(s[a] <= 16 + 2 * 4 + 4, "block " + s[a]);
        }
    }

    @Test
    void refusesWhatDependsOnTheWholeVolume() {
        Volume hr = volume(20, 20, 20);
        assertThrows(InvalidInputException.class,
                () -> new RegionDegrader(Degrader.of(2).withPrefilter(true), hr, new int[3], new int[] {4, 4, 4}));
        assertThrows(InvalidInputException.class,
                () -> new RegionDegrader(Degrader.of(2).withRicianNoise(0.01, 1), hr, new int[3], new int[] {4, 4, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> new RegionDegrader(Degrader.of(2), hr, new int[] {8, 0, 0}, new int[] {4, 4, 4}));
    }
}
