package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LayersTest {

    /** Naive 'same' cross-correlation, stride s, TF padding (extra at the end). */
    static double[] naiveConv(INDArray x, INDArray w, INDArray b, int s) {
        int n = (int) x.size(0), ci = (int) x.size(1), d = (int) x.size(2), h = (int) x.size(3), wd = (int) x.size(4);
        int co = (int) w.size(0), k = (int) w.size(2);
        int od = (d + s - 1) / s, oh = (h + s - 1) / s, ow = (wd + s - 1) / s;
        int pd = Math.max((od - 1) * s + k - d, 0) / 2, ph = Math.max((oh - 1) * s + k - h, 0) / 2,
                pw = Math.max((ow - 1) * s + k - wd, 0) / 2;
        double[] out = new double[n * co * od * oh * ow];
        int idx = 0;
        for (int a = 0; a < n; a++) {
            for (int o = 0; o < co; o++) {
                for (int z = 0; z < od; z++) {
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            double acc = b == null ? 0 : b.getDouble(o);
                            for (int c = 0; c < ci; c++) {
                                for (int kz = 0; kz < k; kz++) {
                                    for (int ky = 0; ky < k; ky++) {
                                        for (int kx = 0; kx < k; kx++) {
                                            int iz = z * s + kz - pd, iy = y * s + ky - ph, ix = xx * s + kx - pw;
                                            if (iz < 0 || iy < 0 || ix < 0 || iz >= d || iy >= h || ix >= wd) {
                                                continue;
                                            }
                                            acc += x.getDouble(a, c, iz, iy, ix) * w.getDouble(o, c, kz, ky, kx);
                                        }
                                    }
                                }
                            }
                            out[idx++] = acc;
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void convMatchesNaiveCorrelationWithSamePadding() {
        Rng rng = new Rng(1);
        for (int s : new int[] {1, 2}) {
            Conv3d conv = new Conv3d(2, 3, 3, s, rng, 0.5);
            conv.bias().value().assign(Nd4j.createFromArray(0.1f, -0.2f, 0.3f));
            INDArray x = Nd4j.create(rng.gaussian(2 * 2 * 5 * 4 * 3, 1), new long[] {2, 2, 5, 4, 3}, 'c');
            INDArray y = conv.forward(x, false);
            int o = (s == 1) ? 1 : 0;
            assertArrayEquals(new long[] {2, 3, s == 1 ? 5 : 3, s == 1 ? 4 : 2, s == 1 ? 3 : 2}, y.shape());
            double[] ref = naiveConv(x, conv.weight().value(), conv.bias().value(), s);
            double[] got = y.dup('c').data().asDouble();
            for (int i = 0; i < ref.length; i++) {
                assertEquals(ref[i], got[i], 1e-4, "stride " + s + " at " + i + o);
            }
        }
    }

    @Test
    void pixelShuffleEqualsReferenceLoopAndUnshuffleInverts() {
        Rng rng = new Rng(2);
        int r = 2, n = 2, c = 3, d = 2, h = 3, w = 4;
        INDArray x = Nd4j.create(rng.gaussian(n * c * 8 * d * h * w, 1), new long[] {n, c * 8, d, h, w}, 'c');
        INDArray y = PixelShuffle3d.shuffle(x, r);
        assertArrayEquals(new long[] {n, c, d * r, h * r, w * r}, y.shape());
        for (int a = 0; a < n; a++) {
            for (int ch = 0; ch < c; ch++) {
                for (int z = 0; z < d * r; z++) {
                    for (int yy = 0; yy < h * r; yy++) {
                        for (int xx = 0; xx < w * r; xx++) {
                            int src = ch * 8 + (z % r) * 4 + (yy % r) * 2 + (xx % r);
                            assertEquals(x.getDouble(a, src, z / r, yy / r, xx / r), y.getDouble(a, ch, z, yy, xx), 0.0);
                        }
                    }
                }
            }
        }
        assertEquals(x, PixelShuffle3d.unshuffle(y, r));
    }

    @Test
    void nearestUpsampleRepeatsAndBackwardSumsBlocks() {
        Rng rng = new Rng(3);
        INDArray x = Nd4j.create(rng.gaussian(2 * 3 * 2 * 3 * 4, 1), new long[] {2, 3, 2, 3, 4}, 'c');
        NearestUpsample3d up = new NearestUpsample3d(2);
        INDArray y = up.forward(x, true);
        assertArrayEquals(new long[] {2, 3, 4, 6, 8}, y.shape());
        for (int z = 0; z < 4; z++) {
            for (int yy = 0; yy < 6; yy++) {
                for (int xx = 0; xx < 8; xx++) {
                    assertEquals(x.getDouble(1, 2, z / 2, yy / 2, xx / 2), y.getDouble(1, 2, z, yy, xx), 0.0);
                }
            }
        }
        INDArray g = Nd4j.create(rng.gaussian((int) y.length(), 1), y.shape(), 'c');
        INDArray gi = up.backward(g);
        double s = 0;
        for (int dz = 0; dz < 2; dz++) {
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    s += g.getDouble(0, 1, 2 + dz, 4 + dy, 6 + dx);
                }
            }
        }
        assertEquals(s, gi.getDouble(0, 1, 1, 2, 3), 1e-5);
    }

    @Test
    void gradientsOfConvBatchNormShuffleUpsampleDenseMatchFiniteDifferences() {
        GradCheck.inDouble(() -> {
            Rng rng = new Rng(4);
            GradCheck.module(new Conv3d(2, 3, 3, 1, rng, 0.3), GradCheck.random(rng, 2, 2, 3, 4, 3), 40, 1e-5, true);
            GradCheck.module(new Conv3d(2, 2, 3, 2, rng, 0.3), GradCheck.random(rng, 1, 2, 5, 4, 3), 40, 1e-5, true);
            GradCheck.module(new Sequential(new BatchNorm3d(3), new LeakyRelu(0.2)), GradCheck.random(rng, 2, 3, 2, 3, 2), 40,
                    1e-5, true);
            GradCheck.module(new BatchNorm3d(2), GradCheck.random(rng, 2, 2, 2, 2, 2), 30, 1e-5, false);
            GradCheck.module(new PixelShuffle3d(2), GradCheck.random(rng, 1, 16, 2, 1, 2), 40, 1e-6, true);
            GradCheck.module(new NearestUpsample3d(2), GradCheck.random(rng, 1, 2, 2, 1, 2), 30, 1e-6, true);
            GradCheck.module(new Sequential(new Flatten(), new Dense(12, 4, rng, 0.3), new LeakyRelu(0.3)),
                    GradCheck.random(rng, 2, 3, 2, 1, 2), 40, 1e-5, true);
            GradCheck.module(new Sequential(new ChannelBias(2), new Tanh()), GradCheck.random(rng, 2, 2, 1, 2, 2), 20,
                    1e-5, true);
            GradCheck.module(new Residual(new Sequential(new Conv3d(2, 2, 3, 1, rng, 0.3), new BatchNorm3d(2))),
                    GradCheck.random(rng, 2, 2, 2, 3, 2), 30, 1e-5, true);
        });
    }

    @Test
    void batchNormRefusesOneValuePerChannelInTraining() {
        BatchNorm3d bn = new BatchNorm3d(4);
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 4, 1, 1, 1);
        assertThrows(InvalidInputException.class, () -> bn.forward(x, true));
        assertArrayEquals(x.shape(), bn.forward(x, false).shape());
    }

    @Test
    void batchNormTrainingNormalisesAndTracksRunningStats() {
        BatchNorm3d bn = new BatchNorm3d(2, 1e-5, 1.0);
        INDArray x = Nd4j.create(new Rng(5).gaussian(3 * 2 * 8, 3), new long[] {3, 2, 2, 2, 2}, 'c').addi(5);
        INDArray y = bn.forward(x, true);
        INDArray mean = y.mean(0, 2, 3, 4);
        INDArray var = y.var(false, 0, 2, 3, 4);
        for (int c = 0; c < 2; c++) {
            assertEquals(0, mean.getDouble(c), 1e-5);
            assertEquals(1, var.getDouble(c), 1e-3);
        }
        // momentum 1: running stats equal this batch's, so eval mode reproduces training mode
        INDArray ye = bn.forward(x, false);
        assertEquals(0, ye.mean(0, 2, 3, 4).getDouble(0), 1e-4);
    }

    /** The float fast path of BatchNorm3d equals its ND4J-op path (which the float64 gradient check covers). */
    @Test
    void batchNormFastFloatPathEqualsOpPath() {
        Rng rng = new Rng(6);
        for (boolean training : new boolean[] {true, false}) {
            BatchNorm3d fast = new BatchNorm3d(3);
            BatchNorm3d ops = new BatchNorm3d(3);
            ops.setFast(false);
            for (BatchNorm3d b : new BatchNorm3d[] {fast, ops}) {
                b.params().get(0).value().assign(Nd4j.createFromArray(1.5f, 0.5f, -1f));
                b.params().get(1).value().assign(Nd4j.createFromArray(0.1f, 0.2f, 0.3f));
                b.params().get(2).value().assign(Nd4j.createFromArray(0.4f, -0.2f, 0.1f));
                b.params().get(3).value().assign(Nd4j.createFromArray(2f, 0.5f, 1f));
            }
            INDArray x = Nd4j.create(rng.gaussian(2 * 3 * 60, 2), new long[] {2, 3, 3, 4, 5}, 'c').addi(1);
            INDArray g = Nd4j.create(rng.gaussian(2 * 3 * 60, 1), new long[] {2, 3, 3, 4, 5}, 'c');
            INDArray yf = fast.forward(x, training);
            INDArray yo = ops.forward(x, training);
            assertEquals(0, yf.sub(yo).amaxNumber().doubleValue(), 1e-5, "forward, training " + training);
            INDArray gf = fast.backward(g);
            INDArray go = ops.backward(g);
            assertEquals(0, gf.sub(go).amaxNumber().doubleValue(), 1e-4, "backward, training " + training);
            for (int i = 0; i < 4; i++) {
                Param pf = fast.params().get(i);
                Param po = ops.params().get(i);
                assertEquals(0, pf.value().sub(po.value()).amaxNumber().doubleValue(), 1e-6, pf.name());
                if (pf.isTrainable()) {
                    assertEquals(0, pf.grad().sub(po.grad()).amaxNumber().doubleValue(), 1e-4, pf.name() + " grad");
                }
            }
        }
    }

    /**
     * The float loops of LeakyRelu (branch-free) equal the definition's selects to the bit, with exact +0 and
     * -0 among the inputs, for slopes inside [0, 1] (max form) and outside it.
     */
    @Test
    void leakyReluFloatLoopsMatchDefinition() {
        Rng rng = new Rng(8);
        for (float slope : new float[] {0.25f, 0f, 1f, 1.5f, -0.1f}) {
            float[] xs = rng.gaussian(3 * 70000, 1);
            for (int i = 0; i < xs.length; i += 5) {
                xs[i] = i % 2 == 0 ? 0f : -0f;
            }
            INDArray x = Nd4j.create(xs, new long[] {3, 7, 100, 10, 10}, 'c');
            INDArray g = Nd4j.create(rng.gaussian(3 * 70000, 1), new long[] {3, 7, 100, 10, 10}, 'c');
            LeakyRelu l = new LeakyRelu(slope);
            float[] yv = l.forward(x, true).data().asFloat();
            float[] giv = l.backward(g).data().asFloat();
            float[] gv = g.data().asFloat();
            for (int i = 0; i < xs.length; i++) {
                assertEquals(Float.floatToRawIntBits(xs[i] > 0 ? xs[i] : slope * xs[i]), Float.floatToRawIntBits(yv[i]),
                        "forward, slope " + slope + " at " + xs[i]);
                assertEquals(Float.floatToRawIntBits(xs[i] > 0 ? gv[i] : slope * gv[i]), Float.floatToRawIntBits(giv[i]),
                        "backward, slope " + slope + " at " + xs[i]);
            }
        }
    }

    /**
     * The in-place LeakyRelu overwrites its input and gradOut and gives the plain one's values to the bit,
     * also at slope 0 and at exact zeros, where backward's sign is read from the output.
     */
    @Test
    void leakyReluInPlaceEqualsPlainAndReusesItsArrays() {
        Rng rng = new Rng(9);
        for (double slope : new double[] {0.25, 0}) {
            float[] xs = rng.gaussian(2 * 70000, 1);
            for (int i = 0; i < xs.length; i += 7) {
                xs[i] = i % 2 == 0 ? 0f : -0f;
            }
            INDArray x = Nd4j.create(xs, new long[] {2, 7, 100, 10, 10}, 'c');
            INDArray g = Nd4j.create(rng.gaussian(2 * 70000, 1), new long[] {2, 7, 100, 10, 10}, 'c');
            LeakyRelu plain = new LeakyRelu(slope);
            float[] y = plain.forward(x, true).data().asFloat();
            float[] gi = plain.backward(g).data().asFloat();
            LeakyRelu inPlace = LeakyRelu.inPlace(slope);
            INDArray yIn = inPlace.forward(x, true);
            INDArray giIn = inPlace.backward(g);
            assertSame(x, yIn, "forward writes over its input");
            assertSame(g, giIn, "backward writes over gradOut");
            assertArrayEquals(y, yIn.data().asFloat(), 0f, "slope " + slope);
            assertArrayEquals(gi, giIn.data().asFloat(), 0f, "slope " + slope);
        }
    }

    /** Inference keeps the caller's input: the in-place variant only reuses arrays in training. */
    @Test
    void leakyReluInPlaceLeavesInferenceInputAlone() {
        INDArray x = Nd4j.createFromArray(-2f, 1f, -0.5f).reshape(1, 1, 1, 1, 3);
        INDArray y = LeakyRelu.inPlace(0.5).forward(x, false);
        assertArrayEquals(new float[] {-2f, 1f, -0.5f}, x.data().asFloat(), 0f);
        assertArrayEquals(new float[] {-1f, 1f, -0.25f}, y.data().asFloat(), 0f);
    }

    /** Residual.inPlace sums over the body's output in training: the plain Residual's values to the bit. */
    @Test
    void residualInPlaceEqualsPlain() {
        INDArray x = Nd4j.create(new Rng(10).gaussian(2 * 3 * 60, 1), new long[] {2, 3, 3, 4, 5}, 'c');
        INDArray g = Nd4j.create(new Rng(11).gaussian(2 * 3 * 60, 1), new long[] {2, 3, 3, 4, 5}, 'c');
        float[] xs = x.data().asFloat();
        Residual plain = new Residual(new Sequential(new Conv3d(3, 3, 3, 1, new Rng(12), 0.3), new BatchNorm3d(3)));
        Residual inPlace = Residual.inPlace(new Sequential(new Conv3d(3, 3, 3, 1, new Rng(12), 0.3), new BatchNorm3d(3)));
        float[] y = plain.forward(x, true).data().asFloat();
        float[] gi = plain.backward(g).data().asFloat();
        assertArrayEquals(y, inPlace.forward(x, true).data().asFloat(), 0f);
        assertArrayEquals(xs, x.data().asFloat(), 0f, "the input is not written");
        assertArrayEquals(gi, inPlace.backward(g).data().asFloat(), 0f);
        for (int i = 0; i < plain.params().size(); i++) {
            Param p = plain.params().get(i);
            Param q = inPlace.params().get(i);
            assertArrayEquals(p.value().data().asFloat(), q.value().data().asFloat(), 0f, p.name());
            if (p.isTrainable()) {
                assertArrayEquals(p.grad().data().asFloat(), q.grad().data().asFloat(), 0f, p.name() + " grad");
            }
        }
    }
}
