package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class InputSupportTest {
    @Test
    void zeroesExactlyWhereTheUpsampledInputIsEmpty() {
        // input: signal in the lower half along x, empty above
        int n = 12;
        float[] d = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n / 2; x++) {
                    d[x + n * (y + n * z)] = 100 + x;
                }
            }
        }
        Volume in = new Volume(n, n, n, d, Affine.identity());
        Volume cubic = Interpolator.cubic(in, 2);
        float[] noise = new float[cubic.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 7 + (i % 5);
        }
        Volume up = cubic.withData(noise);
        Volume out = InputSupport.zeroOutside(in, up, 1.0);
        int zeroed = 0;
        for (int i = 0; i < noise.length; i++) {
            boolean empty = cubic.data()[i] < 1.0;
            assertEquals(empty ? 0f : noise[i], out.data()[i], 0f, "voxel " + i);
            zeroed += empty ? 1 : 0;
        }
        assertTrue(zeroed > noise.length / 3 && zeroed < noise.length * 2 / 3, "about the upper half is empty: " + zeroed);
        assertEquals(7f, up.data()[0], 0f, "the input volume is not changed");
        assertEquals(up.affine(), out.affine());
    }
}
