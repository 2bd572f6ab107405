package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mrisr.engine.nn.ChannelsLastInferenceTest.first;
import static org.mrisr.engine.nn.ChannelsLastInferenceTest.last;
import static org.mrisr.testutil.InferenceChecks.assertClose;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ResizeConv3d} (phase convolutions at the LR size) against the plain NCDHW nearest ×2 upsampling,
 * 3³ convolution and LeakyReLU, on random weights and inputs, within
 * {@link org.mrisr.testutil.InferenceChecks#TOL} of the output's scale.
 */
class ResizeConv3dTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    private static void check(int in, int out, long seed, long n, long d, long h, long w) {
        Conv3d conv = new Conv3d(in, out, 3, 1, new Rng(seed), 0.3);
        randomise(conv, seed + 1);
        Sequential plain = new Sequential(new NearestUpsample3d(2), conv, new LeakyRelu(0.25));
        INDArray x = random(seed + 2, n, in, d, h, w);
        INDArray got = new ResizeConv3d(conv, 0.25).forward(last(x));
        assertArrayEquals(new long[] {n, 2 * d, 2 * h, 2 * w, out}, got.shape());
        assertClose(plain.forward(x, false), first(got));
    }

    @Test
    void matchesUpsampleThenConvolveAtSeveralSizes() {
        // odd and even sizes, unequal axes: every border of every phase
        check(3, 4, 1, 1, 5, 6, 7);
        check(5, 2, 2, 2, 4, 3, 2);
        check(16, 16, 3, 1, 9, 8, 5);
    }

    @Test
    void oneVoxelAndThinSlabsHaveOnlyBorders() {
        check(2, 3, 4, 1, 1, 1, 1);
        check(4, 4, 5, 1, 1, 6, 2);
    }

    @Test
    void theFinalConvolutionReadsThePhasesAsTheInterleavedTensor() {
        // 8 channels take the direct path, 30 the tap products; depth 11 is not a multiple of the slab
        for (int channels : new int[] {8, 30}) {
            Conv3d resize = new Conv3d(3, channels, 3, 1, new Rng(channels), 0.3);
            Conv3d end = new Conv3d(channels, 1, 3, 1, new Rng(channels + 1), 0.2);
            randomise(resize, 6);
            randomise(end, 7);
            Sequential plain = new Sequential(new NearestUpsample3d(2), resize, new LeakyRelu(0.25), end);
            for (long[] size : new long[][] {{11, 5, 4}, {1, 1, 1}, {2, 3, 1}}) {
                INDArray x = random(8, 2, 3, size[0], size[1], size[2]);
                INDArray phases = new ResizeConv3d(resize, 0.25).forwardPhases(last(x));
                assertClose(plain.forward(x, false).dup('c').data().asFloat(),
                        SingleOutputConv3d.afterResizeConv(end).forward(phases));
            }
        }
    }

    @Test
    void oneChannelPicksOutTheSummedTaps() {
        // unit input, all-ones weights: each HR voxel counts the upsampled voxels its 3³ window sees
        Conv3d conv = new Conv3d(1, 1, 3, 1, ones(27));
        INDArray x = random(0, 1, 2, 2, 2, 1).assign(1);
        float[] got = new ResizeConv3d(conv, Double.NaN).forward(x).dup('c').data().asFloat();
        // HR 4 per axis: voxels 0 and 3 see 2 neighbours inside along that axis, 1 and 2 see 3
        int[] seen = {2, 3, 3, 2};
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 4; y++) {
                for (int xx = 0; xx < 4; xx++) {
                    assertEquals(seen[z] * seen[y] * seen[xx], got[(z * 4 + y) * 4 + xx]);
                }
            }
        }
    }

    private static float[] ones(int n) {
        float[] f = new float[n];
        Arrays.fill(f, 1);
        return f;
    }
}
