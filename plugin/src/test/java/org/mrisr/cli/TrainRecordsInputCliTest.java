package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.srgan.io.ModelFile;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/** train records the training contrast, the normalisation and the intensity augmentation in model.json. */
class TrainRecordsInputCliTest {
    @TempDir
    static Path dir;
    static Path hr;

    @BeforeAll
    static void volume() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        float[] d = new float[36 * 36 * 36];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (50 + 100 * r.nextDouble());
        }
        hr = dir.resolve("sub-01_T1w.nii.gz");
        NiftiWriter.write(new Volume(36, 36, 36, d, Affine.identity()), hr);
    }

    private static MainTest.Run train(Path out, String... more) {
        String[] base = {"train", "--hr", hr.toString(), "--factor", "2", "--upsampling", "subpixel", "--out",
            out.toString(), "--steps", "1", "--patch", "32,32,32", "--foreground", "0", "--overwrite"};
        return MainTest.run(MainTest.concat(base, more));
    }

    @Test
    void theContrastComesFromTheFileNamesOrTheFlagAndTheAugmentationIsRecorded() {
        Path plain = dir.resolve("plain.zip");
        MainTest.Run r = train(plain);
        assertEquals(0, r.code(), r.err());
        JsonObject h = ModelFile.read(plain).header();
        assertEquals("T1w", h.getAsJsonObject("trainingInput").get("contrast").getAsString());
        assertFalse(h.getAsJsonObject("training").has("intensity_augment"), "off by default");
        assertEquals("robust-max", h.getAsJsonObject("normalisation").get("method").getAsString(), "the default");
        Path paper = dir.resolve("paper.zip");
        assertEquals(0, train(paper, "--normalisation", "half-max").code());
        assertEquals("half-max", ModelFile.read(paper).header().getAsJsonObject("normalisation").get("method")
            .getAsString());

        Path aug = dir.resolve("aug.zip");
        MainTest.Run a = train(aug, "--contrast", "FLAIR", "--intensity-augment", "--aug-noise", "0.05");
        assertEquals(0, a.code(), a.err());
        JsonObject ha = ModelFile.read(aug).header();
        assertEquals("FLAIR", ha.getAsJsonObject("trainingInput").get("contrast").getAsString());
        JsonObject ia = ha.getAsJsonObject("training").getAsJsonObject("intensity_augment");
        assertEquals(0.05, ia.get("noise").getAsDouble());
        assertEquals(0.3, ia.get("gamma").getAsDouble(), "the other ranges keep their defaults");
    }

    @Test
    void badRangesAndContrastsAreRefusedNamingTheFlag() {
        MainTest.Run g = train(dir.resolve("g.zip"), "--aug-gamma", "2");
        assertEquals(2, g.code());
        assertTrue(g.err().contains("--aug-gamma must be in [0, 1.0], got 2.0"), g.err());
        MainTest.Run c = train(dir.resolve("c.zip"), "--contrast", "T3");
        assertEquals(2, c.code());
        assertTrue(c.err().contains("--contrast") && c.err().contains("T3"), c.err());
    }

    @Test
    void intensityAugmentationTrainsACubicResidualModel() {
        MainTest.Run cubic = train(dir.resolve("r.zip"), "--intensity-augment", "--residual", "cubic");
        assertEquals(0, cubic.code(), cubic.err());
        JsonObject h = ModelFile.read(dir.resolve("r.zip")).header();
        assertEquals("cubic-spline", h.get("residualOver").getAsString());
        assertTrue(h.getAsJsonObject("training").has("intensity_augment"));
    }
}
