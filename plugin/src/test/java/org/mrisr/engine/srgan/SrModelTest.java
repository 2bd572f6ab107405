package org.mrisr.engine.srgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.Trainer;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

class SrModelTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL, 8, 1, 16, 0.25, true, 0.02, false);

    private static SrModel trainedModel() throws Exception {
        TrainingConfig tc = TrainingConfig.defaults().withSteps(2).withLearningRates(1e-3, 1e-3);
        Trainer t = new Trainer(G, new DiscriminatorConfig(32, 32, 32, new int[] {4, 4}, 8, 0.3, 0.02), tc);
        t.train(Synthetic.source(32, 2, 2), null, null);
        JsonObject deg = new JsonObject();
        deg.addProperty("sigma", 1.0);
        return new SrModel(t.generator(), new ModelInfo(deg, null, 42, new double[] {2, 2, 2}, 0.1, null));
    }

    private static Volume lrVolume(int nx, int ny, int nz) {
        float[] hr = Synthetic.hr(32, 5);
        float[] v = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v[x + nx * (y + ny * z)] = 500 + 400 * hr[x + 32 * (y + 32 * z)];
                }
            }
        }
        return new Volume(nx, ny, nz, v, Affine.ofRowMajor(-2, 0, 0, 90, 0, 2, 0, -126, 0, 0, 2, -72, 0, 0, 0, 1));
    }

    @Test
    void backgroundWhereTheInputIsEmptyComesOutZeroUnlessAskedToKeepIt() {
        SrModel m = new SrModel(new Generator(G, 3), ModelInfo.empty(1));
        Volume lr = lrVolume(12, 10, 8);
        float[] d = lr.data();
        for (int z = 0; z < 8; z++) {
            for (int y = 0; y < 10; y++) {
                for (int x = 6; x < 12; x++) {
                    d[x + 12 * (y + 10 * z)] = 0; // an empty half, as outside a skull-stripped brain
                }
            }
        }
        PredictOptions keep = new PredictOptions(8, 2, Blending.GAUSSIAN, false);
        Volume kept = m.predict(lr, keep);
        Volume zeroed = m.predict(lr, keep.withZeroBackground(true));
        Volume cubic = Interpolator.cubic(lr, 2);
        double threshold = Normalizer.halfMax().fit(lr).inverse(PredictOptions.BACKGROUND);
        int zeros = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (cubic.data()[i] < threshold) {
                assertEquals(0f, zeroed.data()[i], 0f);
                zeros++;
            } else {
                assertEquals(kept.data()[i], zeroed.data()[i], 0f);
            }
        }
        assertTrue(zeros > kept.size() / 4, "the empty half is zeroed: " + zeros);
        long nonZeroKept = IntStream.range(0, kept.size())
            .filter(i -> cubic.data()[i] < threshold && kept.data()[i] != 0).count();
        assertTrue(nonZeroKept > 0, "an untrained network writes non-zero background, so the option matters");
        assertTrue(PredictOptions.defaults().zeroBackground());
    }

    @Test
    void aCubicResidualModelAddsItsOutputToTheCubicSplineAndSaysSoInItsFile(@TempDir Path dir) throws Exception {
        Generator g = new Generator(G, 4);
        // a network that outputs 0 everywhere: the prediction is then the cubic spline itself
        for (Param p : g.params()) {
            if (p.name().startsWith("up.") && p.value().length() <= 16 * 27) {
                p.value().assign(0);
            }
        }
        SrModel m = new SrModel(g, ModelInfo.empty(1).withResidualOver(ModelInfo.CUBIC_RESIDUAL));
        Volume lr = lrVolume(12, 10, 8);
        PredictOptions keep = new PredictOptions(8, 2, Blending.GAUSSIAN, false);
        Volume sr = m.predict(lr, keep);
        Volume cubic = Interpolator.cubic(lr, 2);
        for (int i = 0; i < sr.size(); i++) {
            assertEquals(cubic.data()[i], sr.data()[i], 1e-3, "voxel " + i);
        }
        Path f = dir.resolve("residual.zip");
        m.save(f);
        SrModel back = SrModel.load(f);
        assertTrue(back.info().cubicResidual());
        assertArrayEquals(sr.data(), back.predict(lr, keep).data());
        assertEquals(ModelInfo.NO_RESIDUAL, new SrModel(g, ModelInfo.empty(1)).info().residualOver());
    }

    @Test
    void saveLoadGivesIdenticalPredictionsAndMetadata(@TempDir Path dir) throws Exception {
        SrModel m = trainedModel();
        Volume lr = lrVolume(13, 11, 9);
        PredictOptions o = new PredictOptions(8, 3, Blending.GAUSSIAN);
        Volume a = m.predict(lr, o);
        Path f = dir.resolve("m.mrisr");
        m.save(f);
        // a model is for sharing: ordinary permissions (not the owner-only ones of a temp file), no leftovers
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = java.nio.file.Files.getPosixFilePermissions(f);
        org.junit.jupiter.api.Assertions.assertTrue(perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                || !perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ) && umaskDeniesOthers(dir), perms.toString());
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            assertEquals(1, files.count());
        }
        SrModel l = SrModel.load(f);
        Volume b = l.predict(lr, o);
        assertArrayEquals(a.data(), b.data());
        assertEquals(a.affine(), b.affine());
        assertEquals(G, l.config());
        assertEquals(42, l.info().seed());
        assertEquals(1.0, l.info().degradation().get("sigma").getAsDouble(), 0);
        assertArrayEquals(new double[] {2, 2, 2}, l.info().lrVoxelSize(), 0);
        assertEquals(org.mrisr.engine.ops.Normalizer.HALF_MAX, l.info().normalizer().fit(lr).method());

        // a percentile-normalised model keeps its method and percentiles
        org.mrisr.engine.ops.NormalizationParams p = org.mrisr.engine.ops.Normalizer.percentile(1, 99).fit(lr);
        SrModel pm = new SrModel(m.generator(), new ModelInfo(null, null, 1, null, Double.NaN, p));
        Path f2 = dir.resolve("p.mrisr");
        pm.save(f2);
        SrModel pl = SrModel.load(f2);
        assertEquals(p, pl.info().normalisation());
        assertArrayEquals(pm.predict(lr, o).data(), pl.predict(lr, o).data());
    }

    @Test
    void predictionShapeAffineAndRoundTripGeometry() throws Exception {
        SrModel m = trainedModel();
        Volume lr = lrVolume(13, 11, 9);
        Volume sr = m.predict(lr, new PredictOptions(8, 2, Blending.CONSTANT));
        assertArrayEquals(new int[] {26, 22, 18}, sr.shape());
        // HR → LR by scipy zoom (offset 0, step (N−1)/(n−1)) then predict: the HR affine comes back
        Affine hr = Affine.ofRowMajor(-1, 0, 0, 90, 0, 1, 0, -126, 0, 0, 1, -72, 0, 0, 0, 1);
        Affine lrAffine = hr.resampled(new double[] {0, 0, 0}, new double[] {25 / 12.0, 21 / 10.0, 17 / 8.0});
        Affine back = SrModel.outputAffine(lrAffine, new int[] {13, 11, 9}, 2);
        assertTrue(back.maxAbsDifference(hr) < 1e-9, back.toString());
        assertTrue(sr.affine().maxAbsDifference(SrModel.outputAffine(lr.affine(), lr.shape(), 2)) == 0);
    }

    @Test
    void blendingWeightsNormaliseExactly() throws Exception {
        // a generator whose output is the constant tanh(0.5): any window layout must give that constant
        Generator g = new Generator(G, 1);
        for (Param p : g.params()) {
            if (p.isTrainable()) {
                p.value().assign(0);
            }
        }
        Param last = g.params().stream().filter(p -> p.name().endsWith(".b") && p.value().length() == 1)
                .reduce((x, y) -> y).orElseThrow();
        last.value().assign(0.5);
        Volume lr = lrVolume(17, 12, 10);
        double m = lr.minMax()[1];
        double expected = (Math.tanh(0.5) + 1) * m / 2;
        for (Blending b : Blending.values()) {
            Volume sr = new SrModel(g, ModelInfo.empty(1)).predict(lr, new PredictOptions(7, 3, b));
            for (float v : sr.data()) {
                assertEquals(expected, v, 1e-3 * expected);
            }
        }
    }

    @Test
    void windowAsLargeAsTheVolumeEqualsOneForwardPass() throws Exception {
        SrModel m = trainedModel();
        Volume lr = lrVolume(10, 9, 8);
        Volume whole = m.predict(lr, new PredictOptions(16, 0, Blending.GAUSSIAN));
        Volume tiled = m.predict(lr, new PredictOptions(6, 3, Blending.GAUSSIAN));
        double diff = 0;
        double range = lr.minMax()[1];
        for (int i = 0; i < whole.size(); i++) {
            diff += Math.abs(whole.data()[i] - tiled.data()[i]);
        }
        // padding seams differ, but tiles must agree with the whole on average within a few percent
        assertTrue(diff / whole.size() < 0.05 * range, "mean |whole - tiled| = " + diff / whole.size());
    }

    @Test
    void corruptTruncatedAndForeignFilesGiveClearErrors(@TempDir Path dir) throws Exception {
        SrModel m = trainedModel();
        Path good = dir.resolve("good.mrisr");
        m.save(good);
        byte[] bytes = Files.readAllBytes(good);

        Path text = dir.resolve("text.mrisr");
        Files.writeString(text, "hello");
        assertMessage(text, "not an mrisr model");

        Path truncated = dir.resolve("trunc.mrisr");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(truncated, null);

        Path flipped = dir.resolve("flip.mrisr");
        byte[] c = bytes.clone();
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            c[i] ^= 0x5A;
        }
        Files.write(flipped, c);
        assertMessage(flipped, null);

        Path foreign = dir.resolve("foreign.mrisr");
        try (OutputStream os = Files.newOutputStream(foreign); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("model.json"));
            z.write("{\"format\":\"keras\"}".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertMessage(foreign, "not an mrisr model");

        assertMessage(dir.resolve("missing.mrisr"), "no such model file");
    }

    private static void assertMessage(Path f, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SrModel.load(f));
        assertEquals(f.toString(), e.source());
        if (expected != null) {
            assertTrue(e.problem().contains(expected), e.problem());
        }
    }

    @Test
    void inputWarningsForVoxelSizeAndIntensity() throws Exception {
        SrModel m = trainedModel();
        Volume lr = lrVolume(10, 9, 8);
        assertTrue(m.inputWarnings(lr).stream().noneMatch(w -> w.contains("voxel size")), m.inputWarnings(lr).toString());
        Volume fine = lr.withAffine(Affine.diagonal(0.5, 0.5, 0.5));
        assertTrue(m.inputWarnings(fine).stream().anyMatch(w -> w.contains("voxel size")));
    }

    @Test
    void inputWarningsCompareWithTheSpreadOfAllTrainingVolumesAndItIsSavedAndRead(@TempDir Path dir) throws Exception {
        SrModel m = trainedModel();
        // trained on 0.67 to 1 mm people at x4: LR 2.67 to 4 mm; mean normalised foreground -0.26 to 0.10
        org.mrisr.engine.srgan.io.InputRange range = org.mrisr.engine.srgan.io.InputRange.of(
            java.util.List.of(new double[] {2.8, 2.67, 2.67}, new double[] {4, 4, 4}), java.util.List.of(-0.26, 0.10));
        SrModel spread = new SrModel(m.generator(), m.info().withInputRange(range));
        Path f = dir.resolve("spread.zip");
        spread.save(f);
        SrModel loaded = SrModel.load(f);
        assertArrayEquals(new double[] {4, 4, 4}, loaded.info().inputRange().voxelMax());
        assertEquals(-0.26, loaded.info().inputRange().meanMin());
        Volume lr = lrVolume(10, 9, 8);
        for (double mm : new double[] {2.67, 3, 4, 5.9}) {
            Volume v = lr.withAffine(Affine.diagonal(mm, mm, mm));
            assertTrue(loaded.inputWarnings(v).stream().noneMatch(w -> w.contains("voxel size")), mm + " mm: "
                + loaded.inputWarnings(v));
        }
        Volume coarse = lr.withAffine(Affine.diagonal(6.5, 6.5, 6.5));
        assertTrue(loaded.inputWarnings(coarse).stream().anyMatch(w -> w.contains("voxel size 6.50 x 6.50 x 6.50 mm differs "
            + "from the training data's 2.80 x 2.67 x 2.67 to 4.00 x 4.00 x 4.00 mm")), loaded.inputWarnings(coarse).toString());
        Volume fine = lr.withAffine(Affine.diagonal(1.5, 1.5, 1.5));
        assertTrue(loaded.inputWarnings(fine).stream().anyMatch(w -> w.contains("voxel size")));
    }

    /** Degrade (volume engine) then predict: the HR shape and affine come back. */
    @Test
    void degradeThenPredictReturnsTheHrGeometry() throws Exception {
        float[] hrData = Synthetic.hr(32, 9);
        for (int i = 0; i < hrData.length; i++) {
            hrData[i] = 300 + 200 * hrData[i];
        }
        Volume hr = new Volume(32, 32, 32, hrData, Affine.ofRowMajor(0.9, 0.1, 0, -80, 0, 1.1, 0, -100, 0.05, 0, 1.2, -60, 0, 0, 0, 1));
        Volume lr = org.mrisr.engine.ops.Degrader.of(2).apply(hr);
        assertArrayEquals(new int[] {16, 16, 16}, lr.shape());
        Volume sr = new SrModel(new Generator(G, 1), ModelInfo.empty(1)).predict(lr, new PredictOptions(8, 2,
                Blending.GAUSSIAN));
        assertArrayEquals(hr.shape(), sr.shape());
        assertTrue(sr.affine().maxAbsDifference(hr.affine()) < 1e-9, sr.affine() + " vs " + hr.affine());
    }

    /** True when the process umask keeps even a plain new file from being world-readable. */
    private static boolean umaskDeniesOthers(Path dir) throws java.io.IOException {
        Path probe = java.nio.file.Files.write(dir.resolve("probe"), new byte[0]);
        try {
            return !java.nio.file.Files.getPosixFilePermissions(probe).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        } finally {
            java.nio.file.Files.delete(probe);
        }
    }
}
