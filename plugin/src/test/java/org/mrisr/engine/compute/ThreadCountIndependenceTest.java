package org.mrisr.engine.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.metrics.Ssim3d;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.nn.BatchNorm3d;
import org.mrisr.engine.nn.LeakyRelu;
import org.mrisr.engine.nn.PixelShuffle3d;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.GaussianBlur;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every Java-side parallel loop gives the same bytes with 1 and with 3 compute threads, on a real brain. */
class ThreadCountIndependenceTest {
    private static Volume brain;

    @BeforeAll
    static void load() {
        brain = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
    }

    @Test
    void blurDegradeAndCubicUpsampling() throws Exception {
        Volume crop = brain.crop(30, 40, 30, 120, 130, 110);
        float[] one = Threads.with(1, () -> GaussianBlur.blur(crop, 1.5, 1, 2).data());
        float[] three = Threads.with(3, () -> GaussianBlur.blur(crop, 1.5, 1, 2).data());
        assertArrayEquals(one, three, "blur");
        Volume lr1 = Threads.with(1, () -> Degrader.of(2).withRicianNoise(0.02, 5).apply(crop));
        Volume lr3 = Threads.with(3, () -> Degrader.of(2).withRicianNoise(0.02, 5).apply(crop));
        assertArrayEquals(lr1.data(), lr3.data(), "degrade with noise");
        assertArrayEquals(Threads.with(1, () -> Interpolator.cubic(lr1, 2).data()),
                Threads.with(3, () -> Interpolator.cubic(lr1, 2).data()), "cubic upsampling");
    }

    @Test
    void ssimMeanMaskedMeanAndMap() throws Exception {
        Volume a = brain.crop(40, 50, 40, 96, 100, 90);
        Volume b = GaussianBlur.blur(a, 1, 1, 1);
        boolean[] mask = new boolean[a.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = a.data()[i] > 0;
        }
        for (SsimWindow w : SsimWindow.values()) {
            // the split (threads argument) and the pool size both vary
            double mean1 = Threads.with(1, () -> new Ssim3d(w, 1).mean(a, b, 133));
            double mean3 = Threads.with(3, () -> new Ssim3d(w, 7).mean(a, b, 133));
            assertEquals(Double.doubleToLongBits(mean1), Double.doubleToLongBits(mean3), w + " mean");
            double m1 = Threads.with(1, () -> new Ssim3d(w).maskedMean(a, b, mask, 133));
            double m3 = Threads.with(3, () -> new Ssim3d(w).maskedMean(a, b, mask, 133));
            assertEquals(Double.doubleToLongBits(m1), Double.doubleToLongBits(m3), w + " masked mean");
            assertArrayEquals(Threads.with(1, () -> new Ssim3d(w).map(a, b, 133).data()),
                    Threads.with(3, () -> new Ssim3d(w).map(a, b, 133).data()), w + " map");
        }
    }

    @Test
    void gzipWriterBytes(@TempDir Path dir) throws Exception {
        // ch2bet as float32 is ~27 MiB: many 1 MiB deflate blocks
        Path p1 = dir.resolve("one.nii.gz");
        Path p3 = dir.resolve("three.nii.gz");
        Threads.with(1, () -> {
            NiftiWriter.write(brain, p1);
            return null;
        });
        Threads.with(3, () -> {
            NiftiWriter.write(brain, p3);
            return null;
        });
        assertArrayEquals(Files.readAllBytes(p1), Files.readAllBytes(p3));
        assertArrayEquals(brain.data(), NiftiReader.read(p3).data());
    }

    @Test
    void nnFloatLoops() throws Exception {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16, 12, 10, 9).subi(0.5);
        for (boolean training : new boolean[] {true, false}) {
            INDArray y1 = Threads.with(1, () -> new BatchNorm3d(16).forward(x, training));
            INDArray y3 = Threads.with(3, () -> new BatchNorm3d(16).forward(x, training));
            assertArrayEquals(y1.data().asFloat(), y3.data().asFloat(), "batch norm, training " + training);
        }
        assertArrayEquals(Threads.with(1, () -> new LeakyRelu(0.2).forward(x, false)).data().asFloat(),
                Threads.with(3, () -> new LeakyRelu(0.2).forward(x, false)).data().asFloat(), "leaky relu");
        assertArrayEquals(Threads.with(1, () -> PixelShuffle3d.shuffle(x, 2)).data().asFloat(),
                Threads.with(3, () -> PixelShuffle3d.shuffle(x, 2)).data().asFloat(), "pixel shuffle");
    }
}
