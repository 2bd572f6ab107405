package org.mrisr.engine.srgan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.srgan.ShippedModels;
import org.mrisr.engine.srgan.io.HostileZips.Part;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.Trainer;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import com.google.gson.JsonObject;

/**
 * Valid files still load, with byte-for-byte the weights ND4J's own reader ({@code Nd4j.read}, what
 * the reader used before it parsed entries itself) finds in them: the shipped models, files the
 * writer makes for every architecture, and checkpoints with and without their list of arrays.
 */
class ModelFileCompatibilityTest {

    /** Every {@code weights/} entry read with Nd4j.read, by name. */
    private static Map<String, INDArray> nd4jRead(InputStream in) throws IOException {
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().startsWith(WeightsZip.WEIGHTS)) {
                    out.put(e.getName().substring(WeightsZip.WEIGHTS.length()), Nd4j.read(new DataInputStream(z)));
                }
            }
        }
        return out;
    }

    /** Same names, shapes, orders and float bits. */
    private static void assertSameBits(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            INDArray a = actual.get(e.getKey());
            String name = what + " " + e.getKey();
            assertArrayEquals(e.getValue().shape(), a.shape(), name);
            assertEquals(DataType.FLOAT, a.dataType(), name);
            assertArrayEquals(bits(e.getValue()), bits(a), name);
        }
    }

    private static int[] bits(INDArray a) {
        float[] f = a.dup('c').data().asFloat();
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }

    private static Map<String, INDArray> params(List<Param> ps, String prefix) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        ps.forEach(p -> m.put(prefix + p.name(), p.value()));
        return m;
    }

    @Test
    void shippedModelsLoadTheSameWeightsFromStreamsAndFiles(@TempDir Path dir) throws Exception {
        for (int factor : new int[] {2, 4}) {
            byte[] bytes;
            try (InputStream in = ShippedModels.class.getResourceAsStream(ShippedModels.resource(factor))) {
                bytes = in.readAllBytes();
            }
            Map<String, INDArray> reference = nd4jRead(new ByteArrayInputStream(bytes));
            assertFalse(reference.isEmpty());
            ModelFile.Loaded fromStream = ModelFile.read(new ByteArrayInputStream(bytes), "x" + factor);
            assertSameBits(reference, params(fromStream.generator().params(), ""), "shipped x" + factor + " (stream)");
            Path f = dir.resolve("x" + factor + ".mrisr");
            Files.write(f, bytes);
            ModelFile.Loaded fromFile = ModelFile.read(f);
            assertSameBits(reference, params(fromFile.generator().params(), ""), "shipped x" + factor + " (file)");
            assertEquals(factor, fromFile.generator().config().factor());
        }
    }

    @Test
    void theFirstReleasesShippedX2ModelStillLoadsWithItsHalfMaxAndNoResidual() throws Exception {
        // written before residualOver and trainingInput.contrast existed (trained on Colin 27 only)
        try (InputStream in = ModelFileCompatibilityTest.class.getResourceAsStream("legacy-x2-colin27.zip")) {
            ModelFile.Loaded m = ModelFile.read(in, "legacy-x2-colin27.zip");
            assertEquals(2, m.generator().config().factor());
            assertTrue(m.generator().config().inputSkip());
            assertEquals("half-max", m.info().normalisation().method());
            assertFalse(m.info().cubicResidual());
            assertNull(m.info().contrast(), "no contrast recorded: no contrast warning");
        }
    }

    @Test
    void writtenModelsOfEveryArchitectureLoadTheirOwnWeights(@TempDir Path dir) throws Exception {
        for (int factor : new int[] {2, 4, 8}) {
            for (UpsamplingMethod m : UpsamplingMethod.values()) {
                Generator g = new Generator(new GeneratorConfig(factor, m, 4, 1, 8, 0.25, true, 0.02, true), 7);
                Path f = dir.resolve(m + "-" + factor + ".mrisr");
                ModelFile.write(f, g, ModelInfo.empty(3));
                Map<String, INDArray> written = params(g.params(), "");
                try (InputStream in = Files.newInputStream(f)) {
                    assertSameBits(written, nd4jRead(in), m + " x" + factor + " as written");
                }
                ModelFile.Loaded l = ModelFile.read(f);
                assertSameBits(written, params(l.generator().params(), ""), m + " x" + factor + " loaded");
                assertEquals(g.config(), l.generator().config());
            }
        }
    }

    @Test
    void checkpointsLoadTheirArraysWithAndWithoutTheList(@TempDir Path dir) throws Exception {
        GeneratorConfig gc = new GeneratorConfig(2, UpsamplingMethod.RESIZE_CONV, 4, 1, 8, 0.25, true, 0.02, false);
        DiscriminatorConfig dc = new DiscriminatorConfig(32, 32, 32, new int[] {4, 4}, 8, 0.3, 0.02);
        Trainer t = new Trainer(gc, dc, TrainingConfig.defaults().withSteps(3));
        Path f = dir.resolve("t.ckpt");
        t.saveCheckpoint(f);
        Map<String, INDArray> reference;
        try (InputStream in = Files.newInputStream(f)) {
            reference = nd4jRead(in);
        }
        assertSameBits(reference, CheckpointFile.read(f).arrays(), "checkpoint");
        Trainer resumed = Trainer.resume(f, 0);
        Map<String, INDArray> both = params(resumed.generator().params(), "g/");
        both.putAll(params(resumed.discriminator().params(), "d/"));
        Map<String, INDArray> networks = new LinkedHashMap<>(reference);
        networks.keySet().removeIf(k -> k.startsWith("adam"));
        assertSameBits(networks, both, "resumed");

        // a checkpoint written before checkpoints listed their arrays
        List<Part> parts = HostileZips.parts(f);
        JsonObject h = HostileZips.header(parts);
        assertTrue(h.has(CheckpointFile.ARRAYS));
        h.remove(CheckpointFile.ARRAYS);
        Path old = HostileZips.write(dir.resolve("old.ckpt"), HostileZips.withHeader(parts, h));
        assertSameBits(reference, CheckpointFile.read(old).arrays(), "unlisted checkpoint");
        Trainer.resume(old, 0);
    }

    @Test
    void arraysOfOtherOrdersViewsAndTypesAreWrittenAsFloatAndReadBack(@TempDir Path dir) throws Exception {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        INDArray c = Nd4j.linspace(1, 24, 24, DataType.FLOAT).reshape('c', 2, 3, 4);
        arrays.put("c", c);
        arrays.put("f", c.dup('f'));
        arrays.put("view", c.get(NDArrayIndex.point(1)));
        arrays.put("double", Nd4j.linspace(-1, 1, 5, DataType.DOUBLE));
        // bit patterns a float round trip could disturb (Nd4j.write itself canonicalises NaN payloads)
        arrays.put("special", Nd4j.createFromArray(Float.NaN, -0f, Float.MIN_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x00012345)));
        JsonObject header = new JsonObject();
        header.add("generator", ConfigJson.generator(GeneratorConfig.paper(2, UpsamplingMethod.SUBPIXEL)));
        header.add("discriminator", ConfigJson.discriminator(DiscriminatorConfig.paper(32, 32, 32)));
        JsonObject training = new JsonObject();
        training.addProperty("batchSize", 2);
        header.add("training", training);
        Path f = dir.resolve("a.ckpt");
        CheckpointFile.write(f, header, arrays);
        Map<String, INDArray> read = CheckpointFile.read(f).arrays();
        arrays.put("double", arrays.get("double").castTo(DataType.FLOAT));
        assertSameBits(arrays, read, "arrays");
        assertEquals('f', read.get("f").ordering());
    }

    @Test
    void writerRefusesAHeaderNoReaderWouldAccept(@TempDir Path dir) {
        JsonObject training = new JsonObject();
        training.addProperty("note", "x".repeat(WeightsZip.MAX_HEADER));
        Path f = dir.resolve("big.mrisr");
        Generator g = new Generator(new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL, 4, 1, 8, 0.25, true, 0.02, false), 1);
        IOException e = assertThrows(IOException.class,
                () -> ModelFile.write(f, g, new ModelInfo(null, training, 1, null, Double.NaN)));
        assertTrue(e.getMessage().contains("model.json would be"), e.getMessage());
        assertFalse(Files.exists(f));
    }
}
