package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.testutil.InferenceChecks.assertClose;
import static org.mrisr.testutil.InferenceChecks.random;
import static org.mrisr.testutil.InferenceChecks.randomise;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrisr.engine.compute.Threads;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The channels-last training layers against the NCDHW ones on the same random parameters: {@link ChannelsLastConv3d}
 * (strides 1 and 2, its input-only backward, by parity phases for stride 2 on even sizes), {@link ChannelsLastBatchNorm} (training and evaluation, running
 * statistics, any thread count), {@link ThinConv3d}'s channels-last output and {@link LayoutChange}. Outputs and
 * gradients within {@link org.mrisr.testutil.InferenceChecks#TOL} of their scale after converting layouts.
 */
class ChannelsLastTrainingTest {
    @BeforeAll
    static void nd4j() {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
    }

    private static INDArray last(INDArray ncdhw) {
        return ncdhw.permute(0, 2, 3, 4, 1).dup('c');
    }

    private static INDArray first(INDArray ndhwc) {
        return ndhwc.permute(0, 4, 1, 2, 3).dup('c');
    }

    private static Conv3d twin(Conv3d c) {
        Conv3d t = new Conv3d(c.inChannels(), c.outChannels(), c.kernel(), c.stride(), c.weight().value().dup().data().asFloat());
        t.bias().value().assign(c.bias().value());
        return t;
    }

    private static void checkConv(int in, int out, int stride, long seed, long n, long d, long h, long w) {
        Conv3d plain = new Conv3d(in, out, 3, stride, new Rng(seed), 0.3);
        randomise(plain, seed + 1);
        Conv3d same = twin(plain);
        Conv3d inputOnly = twin(plain);
        ChannelsLastConv3d cl = new ChannelsLastConv3d(same);
        ChannelsLastConv3d clInput = new ChannelsLastConv3d(inputOnly);
        INDArray x = random(seed + 2, n, in, d, h, w);
        INDArray y = plain.forward(x, true);
        INDArray g = random(seed + 3, y.shape());
        for (int pass = 0; pass < 2; pass++) {
            assertClose(y, first(cl.forward(last(x), true)));
            INDArray gx = plain.backward(g);
            assertClose(gx, first(cl.backward(last(g))));
            assertClose(plain.weight().grad(), same.weight().grad());
            assertClose(plain.bias().grad(), same.bias().grad());
            clInput.forward(last(x), true);
            assertClose(gx, first(clInput.backwardInput(last(g))));
        }
    }

    @Test
    void convolutionMatchesNcdhwInBothLayoutsAndStrides() {
        checkConv(4, 6, 1, 1, 2, 6, 5, 7);
        checkConv(8, 4, 2, 2, 2, 8, 6, 7);
        checkConv(3, 5, 1, 3, 1, 1, 4, 3);
        // stride 2 on even sizes: the input gradient alone by parity phases
        checkConv(6, 5, 2, 4, 2, 8, 6, 10);
        checkConv(4, 3, 2, 5, 1, 2, 4, 2);
    }


    private static void copy(Layer from, Layer to) {
        List<Param> a = from.params();
        List<Param> b = to.params();
        for (int i = 0; i < a.size(); i++) {
            b.get(i).value().assign(a.get(i).value());
        }
    }

    @Test
    void batchNormMatchesNcdhwInTrainingAndEvaluation() {
        for (boolean training : new boolean[] {true, false}) {
            BatchNorm3d plain = new BatchNorm3d(6);
            randomise(plain, 5); // gamma, beta and running statistics
            BatchNorm3d same = new BatchNorm3d(6);
            copy(plain, same);
            ChannelsLastBatchNorm cl = new ChannelsLastBatchNorm(same);
            // an offset mean, as activations have: the variance must not lose it
            INDArray x = random(6, 2, 6, 5, 7, 4).addi(3);
            INDArray g = random(7, 2, 6, 5, 7, 4);
            for (int pass = 0; pass < 2; pass++) {
                assertClose(plain.forward(x, training), first(cl.forward(last(x), training)));
                assertClose(plain.backward(g), first(cl.backward(last(g))));
                for (int p = 0; p < 4; p++) {
                    INDArray a = p < 2 ? plain.params().get(p).grad() : plain.params().get(p).value();
                    INDArray b = p < 2 ? same.params().get(p).grad() : same.params().get(p).value();
                    assertClose(a, b);
                }
            }
        }
    }

    /** BatchNorm with the LeakyReLU fused: the floats of the two layers in a row, bit for bit. */
    @Test
    void batchNormWithLeakyReluIsTheTwoLayersToTheBit() {
        for (boolean training : new boolean[] {true, false}) {
            BatchNorm3d a = new BatchNorm3d(5);
            randomise(a, 20);
            BatchNorm3d b = new BatchNorm3d(5);
            copy(a, b);
            ChannelsLastBatchNorm bn = new ChannelsLastBatchNorm(a);
            LeakyRelu act = LeakyRelu.inPlace(0.2);
            ChannelsLastBatchNorm fused = ChannelsLastBatchNorm.withLeakyRelu(b, 0.2);
            INDArray x = last(random(21, 2, 5, 6, 7, 9));
            INDArray g = last(random(22, 2, 5, 6, 7, 9));
            for (int pass = 0; pass < 2; pass++) {
                float[] y = act.forward(bn.forward(x, training), training).dup().data().asFloat();
                assertArrayEquals(y, fused.forward(x, training).data().asFloat(), 0);
                if (!training) {
                    continue; // (LeakyRelu keeps nothing for a backward after evaluation)
                }
                float[] gx = bn.backward(act.backward(g.dup())).data().asFloat();
                assertArrayEquals(gx, fused.backward(g).data().asFloat(), 0);
                for (int p = 0; p < 4; p++) {
                    INDArray pa = p < 2 ? a.params().get(p).grad() : a.params().get(p).value();
                    INDArray pb = p < 2 ? b.params().get(p).grad() : b.params().get(p).value();
                    assertArrayEquals(pa.data().asFloat(), pb.data().asFloat(), 0);
                }
            }
        }
    }

    @Test
    void batchNormDoesNotDependOnTheThreadCount() throws Exception {
        INDArray x = last(random(8, 2, 5, 9, 8, 7));
        INDArray g = last(random(9, 2, 5, 9, 8, 7));
        float[][] results = new float[2][];
        float[][] grads = new float[2][];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            BatchNorm3d bn = new BatchNorm3d(5);
            ChannelsLastBatchNorm cl = new ChannelsLastBatchNorm(bn);
            int k = i;
            Threads.with(threads[i], () -> {
                results[k] = cl.forward(x, true).dup().data().asFloat();
                grads[k] = cl.backward(g).dup().data().asFloat();
                return null;
            });
        }
        assertArrayEquals(results[0], results[1], 0);
        assertArrayEquals(grads[0], grads[1], 0);
    }

    @Test
    void thinConvolutionWritesChannelsLast() {
        Conv3d plain = new Conv3d(1, 8, 3, 1, new Rng(10), 0.3);
        randomise(plain, 11);
        Conv3d same = twin(plain);
        Conv3d inputOnly = twin(plain);
        ThinConv3d cl = new ThinConv3d(same, true);
        ThinConv3d clInput = new ThinConv3d(inputOnly, true);
        INDArray x = random(12, 2, 1, 6, 5, 7);
        INDArray g = random(13, 2, 8, 6, 5, 7);
        for (int pass = 0; pass < 2; pass++) {
            assertClose(plain.forward(x, true), first(cl.forward(x, true)));
            INDArray gx = plain.backward(g);
            assertClose(gx, cl.backward(last(g)));
            assertClose(plain.weight().grad(), same.weight().grad());
            assertClose(plain.bias().grad(), same.bias().grad());
            clInput.forward(x, true);
            assertClose(gx, clInput.backwardInput(last(g)));
        }
    }

    @Test
    void layoutChangeIsThePermutationBothWays() {
        INDArray x = random(14, 2, 3, 4, 5, 70); // more voxels than a tile
        LayoutChange toLast = LayoutChange.toChannelsLast();
        INDArray y = toLast.forward(x, true);
        assertArrayEquals(last(x).data().asFloat(), y.data().asFloat(), 0);
        assertArrayEquals(x.data().asFloat(), toLast.backward(y).data().asFloat(), 0);
        LayoutChange toFirst = LayoutChange.toChannelsFirst();
        assertArrayEquals(x.data().asFloat(), toFirst.forward(y, true).data().asFloat(), 0);
        assertArrayEquals(y.data().asFloat(), toFirst.backward(x).data().asFloat(), 0);
    }

    @Test
    void formsChangeLayoutOnlyWhereALayerNeedsNcdhw() {
        Rng r = new Rng(15);
        Sequential body = new Sequential(new Conv3d(4, 4, 3, 1, r, 0.1), new BatchNorm3d(4));
        Sequential net = new Sequential(new Conv3d(1, 4, 3, 1, r, 0.1), new BatchNorm3d(4), new LeakyRelu(0.2),
                Residual.inPlace(body), new Conv3d(4, 16, 3, 1, r, 0.1), new PixelShuffle3d(2), new Conv3d(2, 1, 3, 1, r, 0.1));
        List<Layer> run = TrainingForm.channelsLast(net, false, false).layers();
        assertEquals(6, run.size());
        assertInstanceOf(ThinConv3d.class, run.get(0));
        assertInstanceOf(ChannelsLastBatchNorm.class, run.get(1)); // with the LeakyReLU
        Residual res = assertInstanceOf(Residual.class, run.get(2));
        List<Layer> inner = ((Sequential) res.body()).layers();
        assertInstanceOf(ChannelsLastConv3d.class, inner.get(0));
        assertInstanceOf(ChannelsLastBatchNorm.class, inner.get(1));
        // the conv before a pixel shuffle runs fused in NCDHW: the layout changes before it
        assertTrue(run.get(3) instanceof LayoutChange c && !c.producesChannelsLast());
        assertInstanceOf(SubPixelConvTraining.class, run.get(4));
        assertInstanceOf(ThinConv3d.class, run.get(5));
    }
}
