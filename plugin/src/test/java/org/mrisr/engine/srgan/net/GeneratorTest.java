package org.mrisr.engine.srgan.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.nn.Conv3d;
import org.mrisr.engine.nn.NearestUpsample3d;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.nn.PixelShuffle3d;
import org.mrisr.engine.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

class GeneratorTest {

    /** Closed form of the paper's generator size: conv = 27·in·out + out, BN = 2·c. */
    static long paperParameterCount(int factor, UpsamplingMethod m, int f, int blocks, int u) {
        long conv3 = 27L * f * f + f;
        long bn = 2L * f;
        long n = (27L * f + f) + bn; // head
        n += blocks * 2 * (conv3 + bn);
        n += conv3 + bn; // trunk end
        int c = f;
        for (int i = 0; i < Integer.numberOfTrailingZeros(factor); i++) {
            switch (m) {
                case RESIZE_CONV -> {
                    n += 27L * c * u + u + 27L * u * u + u;
                    c = u;
                }
                case SUBPIXEL -> {
                    n += 27L * c * u + u;
                    c = u / 8;
                }
                case SUBPIXEL_NN -> {
                    n += 216L * c * u + u; // stride-2 transposed 6³ conv c→u with bias
                    c = u;
                }
                default -> throw new IllegalStateException();
            }
        }
        return n + 27L * c + 1; // final conv to 1 channel
    }

    @Test
    void outputShapesAndParameterCountsForAllMethodsAndFactors() {
        for (int factor : new int[] {2, 4}) {
            for (UpsamplingMethod m : UpsamplingMethod.values()) {
                // narrow but complete networks keep the test fast; the count check also runs at paper size
                GeneratorConfig small = new GeneratorConfig(factor, m, 4, 1, 8, 0.25, true, 0.02, false);
                Generator g = new Generator(small, 1);
                INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 3, 4, 5);
                INDArray y = g.forward(x, true);
                assertArrayEquals(new long[] {2, 1, 3L * factor, 4L * factor, 5L * factor}, y.shape(), m + " x" + factor);
                assertEquals(paperParameterCount(factor, m, 4, 1, 8), g.parameterCount(), m + " x" + factor);
                Generator paper = new Generator(GeneratorConfig.paper(factor, m), 1);
                assertEquals(paperParameterCount(factor, m, 32, 6, 64), paper.parameterCount(), m + " x" + factor);
            }
        }
    }

    @Test
    void inputSkipAddsNearestUpsampledInputAndItsGradient() {
        for (int factor : new int[] {2, 4}) {
            GeneratorConfig base = new GeneratorConfig(factor, UpsamplingMethod.RESIZE_CONV, 4, 1, 8, 0.25, true, 0.02, false);
            Generator plain = new Generator(base, 9);
            Generator skip = new Generator(base.withInputSkip(true), 9);
            assertEquals(plain.parameterCount(), skip.parameterCount(), "the skip has no parameters");
            INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 3, 4, 5);
            INDArray nn = new NearestUpsample3d(factor).forward(x, false);
            INDArray withSkip = skip.forward(x, false).dup();
            INDArray without = plain.forward(x, false).dup();
            INDArray diff = withSkip.sub(without);
            assertEquals(0, diff.sub(nn).amaxNumber().doubleValue(), 1e-5, "x" + factor);
            // input gradient: the plain one plus the nearest-upsampling adjoint (block sums)
            INDArray g = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, nn.shape());
            plain.forward(x, true);
            INDArray gPlain = plain.backward(g.dup()).dup();
            skip.forward(x, true);
            INDArray gSkip = skip.backward(g.dup()).dup();
            NearestUpsample3d up = new NearestUpsample3d(factor);
            up.forward(x, true);
            INDArray adjoint = up.backward(g.dup());
            // the conv stack's input gradient is large and summed in thread-dependent order: relative tolerance
            double scale = Math.max(1, gPlain.amaxNumber().doubleValue());
            assertEquals(0, gSkip.sub(gPlain).sub(adjoint).amaxNumber().doubleValue(), 1e-5 * scale,
                    "x" + factor + " (gradient scale " + scale + ")");
        }
    }

    @Test
    void subpixelNnAtInitEqualsNearestNeighbourResizeOfSeedConvolution() {
        int c = 3, u = 2;
        long seed = 11;
        Conv3d fast = new Conv3d(c, 8 * u, 3, 1, Generator.icnr(new Rng(seed), c, u, 0.5), false);
        Conv3d seedConv = new Conv3d(c, u, 3, 1, new Rng(seed).gaussian(u * c * 27, 0.5), false);
        INDArray x = Nd4j.create(new Rng(3).gaussian(2 * c * 3 * 4 * 5, 1), new long[] {2, c, 3, 4, 5}, 'c');
        INDArray y = PixelShuffle3d.shuffle(fast.forward(x, false), 2);
        INDArray ref = new NearestUpsample3d(2).forward(seedConv.forward(x, false), false);
        assertArrayEquals(ref.shape(), y.shape());
        assertEquals(0, y.sub(ref).amaxNumber().doubleValue(), 1e-6);
    }

    @Test
    void generatorSubpixelNnBlockStartsIcnr() {
        Generator g = new Generator(new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 4, 1, 8, 0.25, true, 0.02, false), 5);
        Param w = g.params().stream().filter(p -> p.name().equals("up.0.w")).findFirst().orElseThrow();
        assertArrayEquals(new long[] {64, 4, 3, 3, 3}, w.value().shape());
        for (int o = 0; o < 8; o++) {
            for (int phase = 1; phase < 8; phase++) {
                assertEquals(w.value().slice(o * 8), w.value().slice(o * 8 + phase));
            }
        }
    }

    /**
     * The fast form (conv 3³ to 8·u channels + periodic shuffle) equals a stride-2 transposed 6³
     * convolution (padding 2) for arbitrary weights, with K[ic, oc, a + 4 − 2j] = W[8·oc + phase, ic, j]
     * per axis. The transposed form is computed by ND4J's deconv3d and by a naive scatter loop.
     */
    @Test
    void fastFormEqualsStrideTwoTransposedSixCubedConvolution() {
        int c = 2, u = 3, d = 3, h = 4, wd = 2, n = 2;
        Rng rng = new Rng(21);
        float[] wf = rng.gaussian(8 * u * c * 27, 1);
        Conv3d fast = new Conv3d(c, 8 * u, 3, 1, wf, false);
        INDArray x = Nd4j.create(rng.gaussian(n * c * d * h * wd, 1), new long[] {n, c, d, h, wd}, 'c');
        INDArray y = PixelShuffle3d.shuffle(fast.forward(x, false), 2);

        INDArray wfa = Nd4j.create(wf, new long[] {8 * u, c, 3, 3, 3}, 'c');
        INDArray k = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, c, u, 6, 6, 6); // [iC, oC, 6,6,6]
        for (int ic = 0; ic < c; ic++) {
            for (int oc = 0; oc < u; oc++) {
                for (int az = 0; az < 2; az++) {
                    for (int ay = 0; ay < 2; ay++) {
                        for (int ax = 0; ax < 2; ax++) {
                            int phase = az * 4 + ay * 2 + ax;
                            for (int jz = 0; jz < 3; jz++) {
                                for (int jy = 0; jy < 3; jy++) {
                                    for (int jx = 0; jx < 3; jx++) {
                                        k.putScalar(new long[] {ic, oc, az + 4 - 2 * jz, ay + 4 - 2 * jy, ax + 4 - 2 * jx},
                                                wfa.getDouble(oc * 8 + phase, ic, jz, jy, jx));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // naive transposed convolution: out[o] += x[i]·K[o − 2i + p], p = 2
        INDArray naive = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, u, 2 * d, 2 * h, 2 * wd);
        for (int a = 0; a < n; a++) {
            for (int ic = 0; ic < c; ic++) {
                for (int oc = 0; oc < u; oc++) {
                    for (int iz = 0; iz < d; iz++) {
                        for (int iy = 0; iy < h; iy++) {
                            for (int ix = 0; ix < wd; ix++) {
                                double xv = x.getDouble(a, ic, iz, iy, ix);
                                for (int tz = 0; tz < 6; tz++) {
                                    for (int ty = 0; ty < 6; ty++) {
                                        for (int tx = 0; tx < 6; tx++) {
                                            int oz = 2 * iz + tz - 2, oy = 2 * iy + ty - 2, ox = 2 * ix + tx - 2;
                                            if (oz < 0 || oy < 0 || ox < 0 || oz >= 2 * d || oy >= 2 * h || ox >= 2 * wd) {
                                                continue;
                                            }
                                            long[] idx = {a, oc, oz, oy, ox};
                                            naive.putScalar(idx, naive.getDouble(idx) + xv * k.getDouble(ic, oc, tz, ty, tx));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(0, y.sub(naive).amaxNumber().doubleValue(), 1e-4, "fast form vs naive transposed conv");

        INDArray deconv = Nd4j.exec(DynamicCustomOp.builder("deconv3d")
                .addInputs(x, k)
                // k, stride 2, padding 2, dilation 1, explicit padding, NCDHW, weights [iC, oC, kD, kH, kW]
                .addIntegerArguments(6, 6, 6, 2, 2, 2, 2, 2, 2, 1, 1, 1, 0, 0, 1)
                .build())[0];
        assertArrayEquals(y.shape(), deconv.shape());
        assertEquals(0, y.sub(deconv).amaxNumber().doubleValue(), 1e-4, "fast form vs ND4J deconv3d");
    }
}
