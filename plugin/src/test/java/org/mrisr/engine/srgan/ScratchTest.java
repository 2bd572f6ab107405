package org.mrisr.engine.srgan;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.nn.*;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ScratchTest {
    static void time(String name, Layer l, INDArray x) {
        INDArray y = l.forward(x, true);
        l.backward(y);
        long t0 = System.nanoTime();
        int n = 3;
        for (int i = 0; i < n; i++) {
            y = l.forward(x, true);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            l.backward(y);
        }
        long t2 = System.nanoTime();
        System.out.printf("%-12s fwd %7.1f ms  bwd %7.1f ms%n", name, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n);
    }
    @Test
    void g() {
        Rng rng = new Rng(1);
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 32, 32, 32, 32);
        time("conv32", new Conv3d(32, 32, 3, 1, rng, 0.02), x);
        time("bn32", new BatchNorm3d(32), x);
        time("lrelu", new LeakyRelu(0.2), x);
        time("conv32-512", new Conv3d(32, 512, 3, 1, rng, 0.02), x);
        INDArray x64 = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 64, 64, 64, 64);
        time("conv64-64@64", new Conv3d(64, 64, 3, 1, rng, 0.02), x64);
        time("up", new NearestUpsample3d(2), Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 64, 32, 32, 32));
        time("shuffle", new PixelShuffle3d(2), Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 512, 32, 32, 32));
        INDArray h = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 64, 64, 64);
        long t0 = System.nanoTime();
        Losses.gdl(h, h.mul(0.5));
        System.out.printf("gdl %7.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }
}
