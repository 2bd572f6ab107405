package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.NonFinite;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One NaN and one +Inf voxel through every command that reads volumes: by default they become
 * background with one warning naming the file and the counts, and every result is finite; with
 * {@code --nonfinite refuse} the command exits 2 naming the file, and writes nothing.
 */
class NonFiniteCommandsTest {
    static final String COUNTS = "1 NaN and 1 +Inf voxel(s)";

    @TempDir
    static Path dir;
    /** 48×64×48 of a real brain, NaN and +Inf inside the brain. */
    static Path hr;
    /** Its clean 2× degradation with one NaN and one +Inf. */
    static Path lr;
    static Path cleanHr;

    @BeforeAll
    static void volumes() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Volume crop = full.crop(60, 70, 60, 48, 64, 48);
        cleanHr = dir.resolve("clean-hr.nii.gz");
        NiftiWriter.write(crop, cleanHr);
        hr = dir.resolve("hr-nan.nii.gz");
        NiftiWriter.write(poisoned(crop), hr);
        Path cleanLr = dir.resolve("clean-lr.nii.gz");
        assertEquals(0, MainTest.run("degrade", "--in", cleanHr.toString(), "--out", cleanLr.toString(), "--factor", "2").code());
        lr = dir.resolve("lr-nan.nii.gz");
        NiftiWriter.write(poisoned(NiftiReader.read(cleanLr)), lr);
    }

    private static Volume poisoned(Volume v) {
        float[] d = v.data().clone();
        d[d.length / 2] = Float.NaN;
        d[d.length / 2 + v.nx() + 1] = Float.POSITIVE_INFINITY;
        return v.withData(d);
    }

    /** The default: exit 0, exactly one warning for {@code input}, the written volumes finite. */
    private static MainTest.Run cleaned(Path input, List<Path> outputs, String... argv) {
        MainTest.Run r = MainTest.run(argv);
        assertEquals(0, r.code(), r.err());
        String warning = "warning: " + input + ": " + COUNTS + " treated as background (0)";
        assertEquals(1, r.err().lines().filter(l -> l.equals(warning)).count(), r.err());
        for (Path out : outputs) {
            assertEquals(0, NonFinite.count(NiftiReader.read(out).data()).total(), out.toString());
        }
        return r;
    }

    /** --nonfinite refuse: exit 2, one error line naming {@code input} and the counts, none of {@code outputs} written. */
    private static void refused(Path input, List<Path> outputs, String... argv) {
        List<String> a = new ArrayList<>(List.of(argv));
        a.add("--nonfinite");
        a.add("refuse");
        MainTest.Run r = MainTest.run(a.toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("error: ")).count(), r.err());
        assertTrue(r.err().contains("error: " + input + ": has " + COUNTS), r.err());
        for (Path out : outputs) {
            assertFalse(Files.exists(out), out + " written");
        }
    }

    @Test
    void info() {
        MainTest.Run r = cleaned(lr, List.of(), "info", lr.toString());
        JsonObject j = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals(1, j.get("nan_count").getAsInt());
        assertEquals(1, j.get("posinf_count").getAsInt());
        assertEquals(0, j.get("neginf_count").getAsInt());
        assertTrue(Double.isFinite(j.get("max").getAsDouble()));
        refused(lr, List.of(), "info", lr.toString());
    }

    @Test
    void degradeAndInterpolate() {
        Path d = dir.resolve("d.nii.gz");
        cleaned(hr, List.of(d), "degrade", "--in", hr.toString(), "--out", d.toString(), "--factor", "2");
        refused(hr, List.of(dir.resolve("d2.nii.gz")), "degrade", "--in", hr.toString(), "--out",
                dir.resolve("d2.nii.gz").toString(), "--factor", "2");
        Path i = dir.resolve("i.nii.gz");
        cleaned(lr, List.of(i), "interpolate", "--in", lr.toString(), "--out", i.toString(), "--factor", "2");
        refused(lr, List.of(dir.resolve("i2.nii.gz")), "interpolate", "--in", lr.toString(), "--out",
                dir.resolve("i2.nii.gz").toString(), "--factor", "2");
    }

    @Test
    void predict() {
        Path sr = dir.resolve("sr.nii.gz");
        cleaned(lr, List.of(sr), "predict", "--factor", "2", "--in", lr.toString(), "--out", sr.toString(), "--window", "16");
        refused(lr, List.of(dir.resolve("sr2.nii.gz")), "predict", "--factor", "2", "--in", lr.toString(), "--out",
                dir.resolve("sr2.nii.gz").toString());
    }

    @Test
    void scoreReportsFiniteMetrics() {
        MainTest.Run r = cleaned(hr, List.of(), "score", "--reference", hr.toString(), "--test", cleanHr.toString(), "--json");
        JsonObject j = new JsonParser().parse(r.out()).getAsJsonObject();
        for (String m : new String[] {"psnr", "ssim", "mse", "nrmse", "mae"}) {
            assertTrue(Double.isFinite(j.get(m).getAsDouble()), m + " " + j);
        }
        refused(hr, List.of(), "score", "--reference", cleanHr.toString(), "--test", hr.toString());
    }

    @Test
    void evaluate() {
        MainTest.Run r = cleaned(hr, List.of(), "evaluate", "--hr", hr.toString(), "--factor", "2", "--json");
        assertFalse(r.out().contains("NaN"), r.out());
        refused(hr, List.of(), "evaluate", "--hr", hr.toString(), "--factor", "2");
    }

    @Test
    void train() {
        Path model = dir.resolve("nan-model.zip");
        cleaned(hr, List.of(), "train", "--hr", hr.toString(), "--factor", "2", "--upsampling", "subpixel", "--out",
                model.toString(), "--steps", "1", "--patch", "32,32,32", "--batch", "1");
        assertTrue(Files.isRegularFile(model));
        Path other = dir.resolve("refused-model.zip");
        refused(hr, List.of(other, Path.of(other + ".ckpt")), "train", "--hr", hr.toString(), "--factor", "2",
                "--upsampling", "subpixel", "--out", other.toString(), "--steps", "1", "--patch", "32,32,32", "--batch", "1");
    }

    @Test
    void demo() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Path small = dir.resolve("small-nan.nii.gz");
        NiftiWriter.write(poisoned(full.crop(50, 40, 50, 64, 120, 64)), small);
        Path out = dir.resolve("demo");
        List<Path> volumes = new ArrayList<>();
        for (String f : DemoCommand.OUTPUTS) {
            if (f.endsWith(".nii.gz")) {
                volumes.add(out.resolve(f));
            }
        }
        cleaned(small, volumes, "demo", "--hr", small.toString(), "--steps", "1", "--out", out.toString(), "--upsampling",
                "subpixel", "--from-scratch");
        Path out2 = dir.resolve("demo2");
        refused(small, List.of(out2.resolve("model.zip")), "demo", "--hr", small.toString(), "--steps", "1", "--out",
                out2.toString());
    }
}
