package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * train → predict → evaluate → demo through the command line on a small crop of a real brain.
 * Budgets are tiny: these tests check the plumbing and contracts, not quality.
 */
class SrganCommandsTest {
    @TempDir
    static Path dir;
    static Path hr;
    static Path lr;
    static Path model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        hr = dir.resolve("hr.nii.gz");
        NiftiWriter.write(full.crop(60, 70, 60, 48, 64, 48), hr);
        lr = dir.resolve("lr.nii.gz");
        assertEquals(0, MainTest.run("degrade", "--in", hr.toString(), "--out", lr.toString(), "--factor", "2").code());
        model = dir.resolve("m.zip");
        MainTest.Run r = MainTest.run("train", "--hr", hr.toString(), "--factor", "2", "--upsampling", "subpixel", "--out",
                model.toString(), "--steps", "2", "--patch", "32,32,32", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        JsonObject o = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals(2, o.get("completed_steps").getAsInt());
        assertEquals("steps done", o.get("stopped").getAsString());
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(Path.of(model + ".ckpt")), "final checkpoint written");
    }

    @Test
    void predictWritesSrOnTheInterpolationGrid() {
        Path sr = dir.resolve("sr.nii.gz");
        MainTest.Run r = MainTest.run("predict", "--model", model.toString(), "--in", lr.toString(), "--out", sr.toString(),
                "--window", "16", "--overlap", "4");
        assertEquals(0, r.code(), r.err());
        Volume out = NiftiReader.read(sr);
        Volume in = NiftiReader.read(lr);
        Volume cubic = Interpolator.cubic(in, 2);
        assertEquals(cubic.nx(), out.nx());
        assertEquals(cubic.nz(), out.nz());
        assertTrue(cubic.affine().maxAbsDifference(out.affine()) < 1e-5, out.affine() + " vs " + cubic.affine());
        JsonObject o = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals("subpixel", o.get("upsampling").getAsString());
    }

    @Test
    void predictWithWrongFactorFailsAndLeavesNoFile() {
        Path sr = dir.resolve("never.nii.gz");
        MainTest.Run r = MainTest.run("predict", "--model", model.toString(), "--in", lr.toString(), "--out", sr.toString(),
                "--factor", "4");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("x2"), r.err());
        assertFalse(Files.exists(sr));
    }

    @Test
    void predictWithCorruptModelIsBadInput() throws Exception {
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, new byte[] {1, 2, 3});
        MainTest.Run r = MainTest.run("predict", "--model", bad.toString(), "--in", lr.toString(), "--out",
                dir.resolve("x.nii.gz").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void trainRefusesPatchNotMultipleOfFactor() {
        MainTest.Run r = MainTest.run("train", "--hr", hr.toString(), "--factor", "4", "--upsampling", "resize", "--out",
                dir.resolve("n.zip").toString(), "--steps", "1", "--patch", "34,32,32");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("multiple of the factor"), r.err());
    }

    @Test
    void evaluateRanksBaselinesAndScoresModels() {
        MainTest.Run r = MainTest.run("evaluate", "--hr", hr.toString(), "--factor", "2", "--model", model.toString(),
                "--window", "16", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals(4, o.getAsJsonArray("rows").size());
        JsonObject paper = o.getAsJsonObject("summary").getAsJsonObject("paper");
        double nearest = paper.getAsJsonObject("nearest").getAsJsonObject("psnr").get("mean").getAsDouble();
        double cubic = paper.getAsJsonObject("cubic spline").getAsJsonObject("psnr").get("mean").getAsDouble();
        assertTrue(cubic > nearest, "cubic " + cubic + " vs nearest " + nearest);
        assertTrue(paper.has("srgan subpixel"), paper.toString());
        assertTrue(o.getAsJsonObject("summary").has("reference"));
        // One volume, so the paired gain is the difference of the two scores.
        JsonObject gain = o.getAsJsonObject("gain_over_cubic").getAsJsonObject("paper").getAsJsonObject("srgan subpixel");
        double srgan = paper.getAsJsonObject("srgan subpixel").getAsJsonObject("psnr").get("mean").getAsDouble();
        assertEquals(srgan - cubic, gain.getAsJsonObject("psnr_db").get("mean").getAsDouble(), 1e-9);
        assertEquals(srgan > cubic ? 1 : 0, gain.get("psnr_wins").getAsInt());
        assertEquals(1, gain.get("n").getAsInt());

        MainTest.Run text = MainTest.run("evaluate", "--hr", hr.toString(), "--factor", "2", "--model", model.toString(),
                "--window", "16");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("gain over cubic spline, policy paper"), text.out());
        String gains = text.out().substring(text.out().indexOf("gain over cubic spline"));
        assertTrue(gains.contains("srgan subpixel") && !gains.contains("nearest") && !gains.contains("trilinear"),
                "gains are for models only: " + gains);
    }

    @Test
    void evaluateBlocksGiveOneRowPerBlockAndMethod() {
        MainTest.Run r = MainTest.run("evaluate", "--hr", hr.toString(), "--factor", "2", "--blocks", "1,2,1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = new JsonParser().parse(r.out()).getAsJsonObject();
        assertEquals(3 * 2, o.getAsJsonArray("rows").size());
    }

    @Test
    void demoRunsEndToEndOnGivenVolume() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Path small = dir.resolve("small.nii.gz");
        NiftiWriter.write(full.crop(50, 40, 50, 64, 120, 64), small);
        Path out = dir.resolve("demo");
        MainTest.Run r = MainTest.run("demo", "--hr", small.toString(), "--steps", "2", "--out", out.toString(), "--upsampling",
                "subpixel", "--from-scratch");
        assertEquals(0, r.code(), r.err());
        for (String f : DemoCommand.OUTPUTS) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (Stream<Path> written = Files.list(out)) {
            // the list the demo checks before it starts is the list of what it writes
            assertEquals(new TreeSet<>(DemoCommand.OUTPUTS),
                    written.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertTrue(r.out().contains("cubic spline") && r.out().contains("srgan subpixel"), r.out());
        assertTrue(r.err().contains("training from scratch (--from-scratch)"), r.err());
    }

    @Test
    void demoByDefaultShowsTheShippedModelOnAWholeVolumeAndTrainsNothing() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Path person = dir.resolve("person.nii.gz");
        NiftiWriter.write(full.crop(50, 60, 50, 48, 56, 48), person);
        Path out = dir.resolve("demo-shipped");
        MainTest.Run r = MainTest.run("demo", "--hr", person.toString(), "--factor", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> written = Files.list(out)) {
            TreeSet<String> expected = new TreeSet<>(DemoCommand.OUTPUTS);
            expected.remove("model.zip"); // nothing is trained
            assertEquals(expected, written.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertTrue(r.out().contains("shipped x2") && r.out().contains("(a person it never saw)"), r.out());
        assertTrue(r.out().contains("policy whole") && r.out().contains("cubic spline"), r.out());
        assertFalse(r.err().contains("pretrain"), "no training step: " + r.err());
        Volume sr = NiftiReader.read(out.resolve("srgan.nii.gz"));
        assertEquals(48, sr.nx());
        assertEquals(56, sr.ny());
    }

    @Test
    void theShippedModelsNeverSawTheHeldOutPeopleAndRecordTheirPreprocessing() {
        for (int f : new int[] {2, 4}) {
            org.mrisr.engine.srgan.SrModel m = org.mrisr.engine.srgan.ShippedModels.load(f).orElseThrow();
            // docs/quality.md claims Colin 27 and AOMIC sub-0001 as held out: neither may be training data
            assertFalse(DemoShipped.trainedOn(m, "ch2bet.nii.gz"), "x" + f + " trained on Colin 27");
            assertFalse(DemoShipped.trainedOn(m, "aomic_piop2_sub-0001_T1w_orig.nii.gz"), "x" + f + " trained on AOMIC");
            assertTrue(DemoShipped.trainedOn(m, "studyforrest_sub02_T1w.nii.gz"), "x" + f + " records its data");
            assertEquals("T1w", m.info().contrast());
            assertEquals("robust-max", m.info().normalisation().method());
            assertTrue(m.info().cubicResidual());
            assertTrue(m.info().inputRange() != null, "the spread of the training volumes");
        }
    }

    @Test
    void demoSaysWhenTheVolumeIsInTheShippedModelsTrainingData() {
        org.mrisr.engine.srgan.SrModel m = org.mrisr.engine.srgan.ShippedModels.load(2).orElseThrow();
        com.google.gson.JsonObject t = m.info().training();
        com.google.gson.JsonArray data = new com.google.gson.JsonArray();
        data.add("/some/where/ch2bet.nii.gz (training region)");
        t.add("data", data);
        org.mrisr.engine.srgan.SrModel seen = new org.mrisr.engine.srgan.SrModel(m.generator(), m.info().withTraining(t));
        assertTrue(DemoShipped.trainedOn(seen, "ch2bet.nii.gz"));
        assertFalse(DemoShipped.trainedOn(seen, "aomic.nii.gz"));
    }

    @Test
    void demoExplainsMissingInput() {
        MainTest.Run r = MainTest.run("demo", "--hr", dir.resolve("nope.nii.gz").toString(), "--steps", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void shippedModelsAreUsedWithoutModelAndBeatCubicOnAPersonTheyNeverSaw() throws Exception {
        // a block of Colin 27, a person the shipped models never saw (docs/shipped-models-recipe.sh)
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Path held = dir.resolve("held.nii.gz");
        NiftiWriter.write(full.crop(0, 130, 0, 180, 84, 180), held);
        for (String f : new String[] {"2", "4"}) {
            Path lowres = dir.resolve("held-lr" + f + ".nii.gz");
            assertEquals(0, MainTest.run("degrade", "--in", held.toString(), "--out", lowres.toString(), "--factor", f).code());
            Path sr = dir.resolve("held-sr" + f + ".nii.gz");
            MainTest.Run r = MainTest.run("predict", "--in", lowres.toString(), "--out", sr.toString(), "--factor", f);
            assertEquals(0, r.code(), r.err());
            assertEquals("subpixel", new JsonParser().parse(r.out()).getAsJsonObject().get("upsampling").getAsString());
            Path cubic = dir.resolve("held-cubic" + f + ".nii.gz");
            assertEquals(0, MainTest.run("interpolate", "--in", lowres.toString(), "--out", cubic.toString(), "--factor", f).code());
            double srPsnr = psnr(held, sr);
            double cubicPsnr = psnr(held, cubic);
            assertTrue(srPsnr > cubicPsnr + 0.5, "x" + f + ": shipped model " + srPsnr + " dB vs cubic " + cubicPsnr + " dB");
        }
    }

    private static double psnr(Path reference, Path test) {
        MainTest.Run r = MainTest.run("score", "--reference", reference.toString(), "--test", test.toString(), "--mask", "auto",
                "--json");
        assertEquals(0, r.code(), r.err());
        return new JsonParser().parse(r.out()).getAsJsonObject().get("psnr").getAsDouble();
    }
}
