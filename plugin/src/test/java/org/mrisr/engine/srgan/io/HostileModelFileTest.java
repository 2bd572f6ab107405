package org.mrisr.engine.srgan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.srgan.io.HostileZips.Part;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.Trainer;
import org.mrisr.engine.srgan.train.TrainingConfig;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Hostile model and checkpoint files (issue 19): each is read by {@link ReadProbe} in a JVM with a
 * 256 MiB heap and a 512 MiB cap on JavaCPP's physical memory, so a reader that allocates what a
 * hostile header or entry claims fails with an OutOfMemoryError (exit 1) instead of passing
 * slowly. Each case must be refused with exit 2, a message naming the file and the field or entry,
 * in under 5 s and 512 MiB of peak resident memory (measured inside the probe).
 */
class HostileModelFileTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 4, 1, 8, 0.25, true,
            0.02, false);
    private static final DiscriminatorConfig D = new DiscriminatorConfig(32, 32, 32, new int[] {4, 4}, 8, 0.3, 0.02);
    private static final long INFLATED = 512L << 20;

    @TempDir
    static Path dir;
    private static List<Part> model;
    private static List<Part> checkpoint;

    @BeforeAll
    static void validFiles() throws IOException {
        Path m = dir.resolve("valid.mrisr");
        ModelFile.write(m, new Generator(G, 1), ModelInfo.empty(1));
        model = HostileZips.parts(m);
        Path c = dir.resolve("valid.ckpt");
        new Trainer(G, D, TrainingConfig.defaults().withSteps(1)).saveCheckpoint(c);
        checkpoint = HostileZips.parts(c);
    }

    /** A hostile file: how to make it from the valid one's entries, how to read it, what the refusal names. */
    private record Case(String name, String mode, Maker maker, String... expected) {
    }

    private interface Maker {
        List<Part> make(List<Part> valid) throws IOException;
    }

    @TestFactory
    List<DynamicTest> modelHeaderSizesOutOfBounds() {
        List<Case> cases = new ArrayList<>();
        cases.add(generatorField("filters", 5000));
        cases.add(generatorField("residualBlocks", 1_000_000_000));
        cases.add(generatorField("upsamplingFilters", 200_000));
        cases.add(generatorField("filters", GeneratorConfig.MAX_FILTERS + 1));
        cases.add(generatorField("residualBlocks", GeneratorConfig.MAX_BLOCKS + 1));
        cases.add(generatorField("upsamplingFilters", GeneratorConfig.MAX_UP_FILTERS + 1));
        cases.add(generatorField("factor", 16));
        cases.add(generatorField("factor", 3));
        cases.add(generatorField("filters", 0));
        cases.add(new Case("residualBlocks 10^12", "model", header(h -> h.getAsJsonObject("generator")
                .addProperty("residualBlocks", 1_000_000_000_000L)), "generator.residualBlocks", "too large"));
        cases.add(new Case("residualBlocks 4294967301 (5 after int wrap)", "model", header(h -> h.getAsJsonObject(
                "generator").addProperty("residualBlocks", 4_294_967_301L)), "generator.residualBlocks"));
        cases.add(new Case("filters 256 x blocks 64 (values over bound)", "model", header(h -> {
            h.getAsJsonObject("generator").addProperty("filters", 256);
            h.getAsJsonObject("generator").addProperty("residualBlocks", 64);
        }), "generator", "filters 256, residualBlocks 64", "values"));
        cases.add(new Case("x8 resize-conv upsamplingFilters 256 (activation over bound)", "model", header(h -> {
            h.getAsJsonObject("generator").addProperty("factor", 8);
            h.getAsJsonObject("generator").addProperty("upsampling", "resize-conv");
            h.getAsJsonObject("generator").addProperty("upsamplingFilters", 256);
        }), "generator", "upsamplingFilters 256", "per LR voxel"));
        cases.add(new Case("weights list longer than the generator", "model", header(h -> {
            JsonObject extra = new JsonObject();
            extra.addProperty("name", "evil");
            JsonArray shape = new JsonArray();
            shape.add(1 << 20);
            extra.add("shape", shape);
            h.getAsJsonArray("weights").add(extra);
        }), "field 'weights'"));
        cases.add(new Case("weights list shape of 2^40 values", "model", header(h -> {
            JsonArray shape = new JsonArray();
            shape.add(1L << 20);
            shape.add(1L << 20);
            h.getAsJsonArray("weights").get(0).getAsJsonObject().add("shape", shape);
        }), "weights[0].shape"));
        cases.add(new Case("normalisation block missing", "model", header(h -> h.remove("normalisation")),
                "normalisation"));
        cases.add(new Case("normalisation method unknown", "model", header(h -> h.getAsJsonObject("normalisation")
                .addProperty("method", "z-score")), "normalisation method 'z-score' is unknown"));
        cases.add(new Case("robust-max without its parameters", "model", header(h -> {
            h.getAsJsonObject("normalisation").addProperty("method", "robust-max");
            h.getAsJsonObject("normalisation").remove("offset");
        }), "robust-max", "without parameters"));
        cases.add(new Case("normalisation scale 0", "model", header(h -> {
            JsonObject n = h.getAsJsonObject("normalisation");
            n.addProperty("method", "min-max");
            n.addProperty("offset", 1.0);
            n.addProperty("scale", 0.0);
        }), "scale"));
        cases.add(new Case("voxel size range of 2 numbers", "model", header(h -> {
            JsonArray bad = new JsonArray();
            bad.add(1.0);
            bad.add(2.0);
            h.getAsJsonObject("trainingInput").add("lrVoxelSizeRangeMm", bad);
        }), "lrVoxelSizeRangeMm"));
        cases.add(new Case("residualOver unknown", "model", header(h -> h.addProperty("residualOver", "lanczos")),
                "residualOver", "lanczos"));
        return tests(cases);
    }

    @TestFactory
    List<DynamicTest> modelContainerAndEntries() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("model.json inflating to 512 MiB", "model",
                v -> replace(v, 0, v.get(0).padded(INFLATED, (byte) ' ')), "model.json is larger than 1 MiB"));
        cases.add(new Case("model.json nested 100000 deep", "model", v -> replace(v, 0, Part.of("model.json",
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8))), "model.json nests"));
        cases.add(new Case("model.json not JSON", "model", v -> replace(v, 0, Part.of("model.json",
                "{\"format\": ".getBytes(StandardCharsets.UTF_8))), "model.json is not valid JSON"));
        cases.add(new Case("short weight entry (half its data)", "model", v -> cut(v, "weights/head.0.w", 0.5),
                "entry 'weights/head.0.w'", "short entry"));
        cases.add(new Case("short weight entry, read as a stream", "model-stream", v -> cut(v, "weights/trunk.0.0.w", 0.5),
                "entry 'weights/trunk.0.0.w'", "short entry"));
        cases.add(new Case("long weight entry (4 bytes more)", "model", v -> grow(v, "weights/head.0.w", 4, (byte) 1),
                "entry 'weights/head.0.w'", "long entry"));
        cases.add(new Case("weight entry inflating by 512 MiB", "model",
                v -> grow(v, "weights/head.0.w", INFLATED, (byte) 0), "entry 'weights/head.0.w'", "long entry"));
        cases.add(new Case("weight entry inflating by 512 MiB, read as a stream", "model-stream",
                v -> grow(v, "weights/up.0.w", INFLATED, (byte) 0), "entry 'weights/up.0.w'", "long entry"));
        cases.add(new Case("entry declaring 2^28 values where model.json lists 108", "model",
                v -> entry(v, "weights/head.0.w", HostileZips.nd4jEntry(new long[] {1L << 28}, 1L << 28, "FLOAT", 64)),
                "entry 'weights/head.0.w'", "shape [268435456]"));
        cases.add(new Case("entry data length disagreeing with its shape", "model",
                v -> entry(v, "weights/head.0.b", HostileZips.nd4jEntry(new long[] {4}, 1L << 40, "FLOAT", 16)),
                "entry 'weights/head.0.b'", "data length"));
        cases.add(new Case("entry of another data type", "model",
                v -> entry(v, "weights/head.0.b", HostileZips.nd4jEntry(new long[] {4}, 4, "INT16", 8)),
                "entry 'weights/head.0.b'", "data type 'INT16'"));
        cases.add(new Case("empty weight entry", "model", v -> entry(v, "weights/head.0.b", new byte[0]),
                "entry 'weights/head.0.b'", "truncated"));
        cases.add(new Case("stored entry whose zip size disagrees with its shape", "model", v -> {
            int i = HostileZips.index(v, "weights/head.0.b");
            byte[] d = Arrays.copyOf(v.get(i).data(), v.get(i).data().length + 8);
            return replace(v, i, v.get(i).withData(d).asStored());
        }, "entry 'weights/head.0.b'", "the zip says it is"));
        cases.add(new Case("entries out of order", "model", v -> swap(v, 1, 2), "out of order"));
        cases.add(new Case("duplicate entry", "model", v -> {
            List<Part> out = new ArrayList<>(v);
            out.add(2, v.get(1));
            return out;
        }, "duplicate entry 'weights/head.0.w'"));
        cases.add(new Case("unexpected entry", "model", v -> {
            List<Part> out = new ArrayList<>(v);
            out.add(Part.of("evil.sh", "rm -rf".getBytes(StandardCharsets.UTF_8)));
            return out;
        }, "unexpected entry 'evil.sh'"));
        cases.add(new Case("missing last entry", "model", v -> v.subList(0, v.size() - 1), "missing entry 'weights/up."));
        cases.add(new Case("first entry not model.json", "model", v -> swap(v, 0, 1), "first entry is 'weights/head.0.w'"));
        return tests(cases);
    }

    @TestFactory
    List<DynamicTest> foreignAndDamagedFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Path valid = HostileZips.write(dir.resolve("valid-again.mrisr"), model);
        byte[] bytes = Files.readAllBytes(valid);
        tests.add(raw("not a zip (text)", "hello, I am not a model".getBytes(StandardCharsets.UTF_8), "not a zip file"));
        tests.add(raw("empty file", new byte[0], "not a zip file"));
        tests.add(raw("truncated at 60%", Arrays.copyOf(bytes, bytes.length * 3 / 5), "truncated model file"));
        byte[] flipped = bytes.clone();
        for (int i = bytes.length / 2; i < bytes.length / 2 + 32; i++) {
            flipped[i] ^= 0x5A;
        }
        tests.add(raw("32 flipped bytes mid-file", flipped, "model file"));
        return tests;
    }

    @TestFactory
    List<DynamicTest> checkpoints() {
        List<Case> cases = new ArrayList<>();
        cases.add(checkpointField("discriminator", "patchX", 100_000));
        cases.add(checkpointField("discriminator", "patchZ", DiscriminatorConfig.MAX_PATCH + 1));
        cases.add(checkpointField("discriminator", "dense", 1_000_000_000));
        cases.add(checkpointField("discriminator", "dense", DiscriminatorConfig.MAX_DENSE + 1));
        cases.add(checkpointField("generator", "filters", 5000));
        cases.add(checkpointField("training", "batchSize", 1_000_000_000));
        cases.add(new Case("discriminator with 10^5 convolutions", "checkpoint", header(h -> {
            JsonArray w = new JsonArray();
            for (int i = 0; i < 100_000; i++) {
                w.add(4);
            }
            h.getAsJsonObject("discriminator").add("widths", w);
        }), "discriminator.widths"));
        cases.add(new Case("discriminator width 1025", "checkpoint", header(h -> h.getAsJsonObject("discriminator")
                .getAsJsonArray("widths").set(1, new JsonParser().parse("1025"))), "discriminator.widths[1]"));
        cases.add(new Case("paper discriminator at a 256^3 patch (values over bound)", "checkpoint", header(h -> {
            JsonObject d = h.getAsJsonObject("discriminator");
            d.addProperty("patchX", 256);
            d.addProperty("patchY", 256);
            d.addProperty("patchZ", 256);
            d.add("widths", new JsonParser().parse("[32,32,64,64,128,128,256,256]"));
            d.addProperty("dense", 1024);
        }), "discriminator", "patch 256x256x256"));
        cases.add(new Case("short checkpoint entry", "checkpoint", v -> cut(v, "weights/d/0.w", 0.5),
                "entry 'weights/d/0.w'", "short entry"));
        cases.add(new Case("checkpoint entries out of order", "checkpoint", v -> swap(v, 3, 4), "out of order"));
        cases.add(new Case("unlisted (older) checkpoint with an entry over its architecture", "checkpoint", v -> {
            JsonObject h = HostileZips.header(v);
            h.remove(CheckpointFile.ARRAYS);
            List<Part> out = HostileZips.withHeader(v, h);
            out.add(Part.of("weights/evil", HostileZips.nd4jEntry(new long[] {1L << 24}, 1L << 24, "FLOAT", 0)));
            return out;
        }, "entry 'weights/evil'", "more than the"));
        cases.add(new Case("unlisted (older) checkpoint with a duplicate entry", "checkpoint", v -> {
            JsonObject h = HostileZips.header(v);
            h.remove(CheckpointFile.ARRAYS);
            List<Part> out = HostileZips.withHeader(v, h);
            out.add(v.get(1));
            return out;
        }, "duplicate entry"));
        return tests(cases);
    }

    // ---- cases ------------------------------------------------------------------------------

    private static Case generatorField(String field, long value) {
        return new Case("generator." + field + " " + value, "model",
                header(h -> h.getAsJsonObject("generator").addProperty(field, value)), "generator." + field);
    }

    private static Case checkpointField(String object, String field, long value) {
        return new Case("checkpoint " + object + "." + field + " " + value, "checkpoint",
                header(h -> h.getAsJsonObject(object).addProperty(field, value)), object + "." + field);
    }

    private static Maker header(Consumer<JsonObject> edit) {
        return v -> {
            JsonObject h = HostileZips.header(v);
            edit.accept(h);
            return HostileZips.withHeader(v, h);
        };
    }

    private static List<Part> replace(List<Part> v, int i, Part p) {
        List<Part> out = new ArrayList<>(v);
        out.set(i, p);
        return out;
    }

    private static List<Part> entry(List<Part> v, String name, byte[] data) {
        int i = HostileZips.index(v, name);
        return replace(v, i, v.get(i).withData(data));
    }

    private static List<Part> cut(List<Part> v, String name, double keep) {
        int i = HostileZips.index(v, name);
        byte[] d = v.get(i).data();
        return replace(v, i, v.get(i).withData(Arrays.copyOf(d, (int) (d.length * keep))));
    }

    private static List<Part> grow(List<Part> v, String name, long bytes, byte b) {
        int i = HostileZips.index(v, name);
        return replace(v, i, v.get(i).padded(bytes, b));
    }

    private static List<Part> swap(List<Part> v, int i, int j) {
        List<Part> out = new ArrayList<>(v);
        out.set(i, v.get(j));
        out.set(j, v.get(i));
        return out;
    }

    // ---- running --------------------------------------------------------------------------

    private List<DynamicTest> tests(List<Case> cases) {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : cases) {
            out.add(DynamicTest.dynamicTest(c.name(), () -> {
                Path f = dir.resolve(c.name().replaceAll("[^A-Za-z0-9.]+", "_") + ".zip");
                HostileZips.write(f, c.maker().make(c.mode().equals("checkpoint") ? checkpoint : model));
                assertRefused(c.name(), c.mode(), f, c.expected());
            }));
        }
        return out;
    }

    private static DynamicTest raw(String name, byte[] bytes, String expected) {
        return DynamicTest.dynamicTest(name, () -> {
            Path f = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + ".mrisr");
            Files.write(f, bytes);
            assertRefused(name, "model", f, expected);
        });
    }

    /** Runs the probe on {@code file} in a small JVM; asserts exit 2, the message, the time and the memory. */
    static void assertRefused(String name, String mode, Path file, String... expected) throws Exception {
        Path out = Files.createTempFile(dir, "probe", ".out");
        Path err = Files.createTempFile(dir, "probe", ".err");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dorg.bytedeco.javacpp.maxbytes=256m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=512m", "-cp", classpath(), ReadProbe.class.getName(), mode,
                file.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + ": still running after 60 s");
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String stderr = Files.readString(err);
        String stdout = Files.readString(out);
        long millis = value(stdout, "millis");
        long rssKib = value(stdout, "peak-rss-kib");
        System.out.printf(Locale.ROOT, "hostile %-62s exit %d read %5d ms (JVM %5d ms) peak RSS %4d MiB, %.1f MiB on disk: %s%n",
                name, p.exitValue(), millis, wall, rssKib >> 10, Files.size(file) / 1048576.0, stderr.strip());
        assertEquals(2, p.exitValue(), name + ": " + stderr);
        assertTrue(stderr.startsWith("error: " + file + ": "), name + ": the message names the file: " + stderr);
        for (String e : expected) {
            assertTrue(stderr.contains(e), name + ": expected '" + e + "' in: " + stderr);
        }
        assertTrue(millis < 5000, name + ": refused after " + millis + " ms");
        assertTrue(rssKib < 512 * 1024, name + ": peak resident memory " + (rssKib >> 10) + " MiB");
    }

    private static long value(String stdout, String key) {
        for (String line : stdout.split("\n")) {
            if (line.startsWith(key + " ")) {
                return Long.parseLong(line.substring(key.length() + 1).trim());
            }
        }
        throw new AssertionError("probe printed no " + key + ": " + stdout);
    }

    /** The test JVM's own class path (surefire puts it in java.class.path). */
    private static String classpath() {
        String cp = System.getProperty("java.class.path");
        assertTrue(cp.contains(File.pathSeparator), "no usable class path: " + cp);
        return cp;
    }
}
