package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.srgan.io.ModelFile;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** predict's warning about a contrast unlike the model's training data, and --contrast. */
class ContrastCliTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 4, 1, 8, 0.25, true,
            0.02, false);

    @TempDir
    static Path dir;
    static Path model;
    static Path inputs;

    @BeforeAll
    static void modelAndInputs() throws Exception {
        model = dir.resolve("t1.mrisr");
        ModelFile.write(model, new Generator(G, 1), ModelInfo.empty(1).withContrast("T1w"));
        inputs = Files.createDirectories(dir.resolve("in"));
        SplittableRandom r = new SplittableRandom(3);
        float[] d = new float[12 * 12 * 12];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (100 * r.nextDouble());
        }
        Volume v = new Volume(12, 12, 12, d, Affine.identity());
        NiftiWriter.write(v, inputs.resolve("sub-01_FLAIR.nii.gz"));
        NiftiWriter.write(v, inputs.resolve("sub-01_T1w.nii.gz"));
    }

    private static MainTest.Run predict(String input, String... more) {
        String[] base = {"predict", "--model", model.toString(), "--in", inputs.resolve(input).toString(), "--out",
            dir.resolve("out-" + input).toString(), "--window", "12", "--overlap", "2", "--overwrite"};
        return MainTest.run(MainTest.concat(base, more));
    }

    @Test
    void anotherContrastInTheFileNameIsNamedInTheWarning() {
        MainTest.Run r = predict("sub-01_FLAIR.nii.gz");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: " + inputs.resolve("sub-01_FLAIR.nii.gz") + ": contrast FLAIR (from the "
            + "file name) unlike the model's training data (T1w); expect worse results than on T1w"), r.err());
    }

    @Test
    void theTrainingContrastOrAnUnknownOneIsNotWarnedAbout() {
        MainTest.Run r = predict("sub-01_T1w.nii.gz");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("contrast"), r.err());
        MainTest.Run unknown = predict("sub-01_FLAIR.nii.gz", "--contrast", "unknown");
        assertFalse(unknown.err().contains("contrast"), "--contrast unknown: nothing to compare: " + unknown.err());
    }

    @Test
    void contrastFlagWinsOverTheFileNameAndBadValuesAreRefused() {
        MainTest.Run r = predict("sub-01_T1w.nii.gz", "--contrast", "t2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("contrast T2w (given by --contrast) unlike the model's training data (T1w)"), r.err());
        MainTest.Run bad = predict("sub-01_T1w.nii.gz", "--contrast", "DWI");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--contrast") && bad.err().contains("DWI"), bad.err());
    }

    @Test
    void theFolderFormWarnsPerFile() {
        MainTest.Run r = MainTest.run("predict", "--model", model.toString(), "--in", inputs.toString(), "--out",
            dir.resolve("outdir").toString(), "--window", "12", "--overlap", "2", "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("sub-01_FLAIR.nii.gz: contrast FLAIR (from the file name)"), r.err());
        assertFalse(r.err().contains("sub-01_T1w.nii.gz: contrast"), r.err());
    }
}
