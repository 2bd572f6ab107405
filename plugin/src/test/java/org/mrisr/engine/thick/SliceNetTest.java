package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.nn.GradCheck;
import org.mrisr.engine.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SliceNetTest {
    @Test
    void conv2dIsAChannelsLastCrossCorrelationWithZeroSamePadding() {
        Rng rng = new Rng(3);
        Conv2d conv = new Conv2d("c", 2, 3, 3, rng, 0.5);
        conv.bias().value().assign(Nd4j.createFromArray(0.1f, -0.2f, 0.3f));
        INDArray x = Nd4j.create(rng.gaussian(2 * 5 * 4 * 2, 1), new long[] {2, 5, 4, 2}, 'c');
        INDArray y = conv.forward(x, false);
        assertArrayEquals(new long[] {2, 5, 4, 3}, y.shape());
        INDArray w = conv.weight().value();
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 3; o++) {
                for (int h = 0; h < 5; h++) {
                    for (int v = 0; v < 4; v++) {
                        double acc = conv.bias().value().getDouble(o);
                        for (int c = 0; c < 2; c++) {
                            for (int i = -1; i <= 1; i++) {
                                for (int j = -1; j <= 1; j++) {
                                    if (h + i >= 0 && h + i < 5 && v + j >= 0 && v + j < 4) {
                                        acc += x.getDouble(n, h + i, v + j, c) * w.getDouble(i + 1, j + 1, c, o);
                                    }
                                }
                            }
                        }
                        assertEquals(acc, y.getDouble(n, h, v, o), 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        GradCheck.inDouble(() -> {
            Rng rng = new Rng(4);
            GradCheck.module(new Conv2d("c", 2, 3, 3, rng, 0.5), GradCheck.random(rng, 2, 5, 4, 2), 40, 1e-5, true);
            SliceNet net = new SliceNet(4, 3, 5);
            net.trainable().get(net.trainable().size() - 2).value().assign(GradCheck.random(rng, 3, 3, 4, 1));
            GradCheck.module(net, GradCheck.random(rng, 2, 6, 5, 1), 40, 1e-5, true);
        });
    }

    @Test
    void theUntrainedNetworkPassesItsInputThrough() {
        SliceNet net = new SliceNet(8, 4, 6);
        INDArray x = Nd4j.create(new Rng(7).gaussian(3 * 9 * 7, 1), new long[] {3, 9, 7, 1}, 'c');
        assertEquals(0, net.forward(x, false).sub(x).amaxNumber().doubleValue(), 0);
        assertEquals((9 + 1) * 8 + 2 * (8 * 8 * 9 + 8) + (8 * 9 + 1), net.parameterCount(), "1->8, 8->8, 8->8, 8->1");
    }
}
