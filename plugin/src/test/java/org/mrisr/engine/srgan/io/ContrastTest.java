package org.mrisr.engine.srgan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** The contrast from file names and model.json's {@code trainingInput.contrast}. */
class ContrastTest {
    private static final GeneratorConfig G = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 4, 1, 8, 0.25, true,
            0.02, false);

    @TempDir
    Path dir;

    @Test
    void fileNamesSayTheContrastThroughBidsSuffixesAndCommonTokens() {
        assertEquals("T1w", Contrast.fromFileName("sub-01_ses-1_T1w.nii.gz"));
        assertEquals("FLAIR", Contrast.fromFileName("/data/sub-01/anat/sub-01_FLAIR.nii.gz"));
        assertEquals("T2w", Contrast.fromFileName("patient3-t2-axial.nii"));
        assertEquals("PDw", Contrast.fromFileName("sub-2_PDw.nii"));
        assertEquals("T2starw", Contrast.fromFileName("sub-2_T2starw.nii.gz"));
        assertEquals("T1w", Contrast.fromFileName("brain.T1.nii.gz"));
        assertEquals("T1w", Contrast.fromFileName("sub-01_acq-mprage_T1w.nii.gz"));
        assertEquals("T1w", Contrast.fromFileName("C:\\scans\\T2w\\brain_t1.nii"), "the folder does not count");
        assertEquals(Contrast.UNKNOWN, Contrast.fromFileName("ch2bet.nii.gz"));
        assertEquals(Contrast.UNKNOWN, Contrast.fromFileName("sub-01_T1map.nii.gz"), "a token must match whole");
        assertEquals(Contrast.UNKNOWN, Contrast.fromFileName("T1_to_T2.nii"), "two contrasts in one name");
        assertEquals("FLAIR", Contrast.fromFileName("flair_flair.nii"));
    }

    @Test
    void trainingFilesAgreeOrTheContrastIsUnknown() {
        assertEquals("T1w", Contrast.fromFileNames(List.of("a_T1w.nii.gz", "b-t1.nii", "c_MPRAGE.nii")));
        assertEquals(Contrast.UNKNOWN, Contrast.fromFileNames(List.of("a_T1w.nii.gz", "b_FLAIR.nii.gz")));
        assertEquals(Contrast.UNKNOWN, Contrast.fromFileNames(List.of("a_T1w.nii.gz", "ch2bet.nii.gz")));
        assertEquals(Contrast.UNKNOWN, Contrast.fromFileNames(List.of()));
    }

    @Test
    void aUsersValueIsAKnownContrastOrRefusedNamingWhere() {
        assertEquals("FLAIR", Contrast.require("flair", "--contrast"));
        assertEquals("T2w", Contrast.require("T2", "--contrast"));
        assertEquals(Contrast.UNKNOWN, Contrast.require("Unknown", "--contrast"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Contrast.require("DWI", "--contrast"));
        assertTrue(e.getMessage().contains("--contrast") && e.getMessage().contains("DWI"), e.getMessage());
    }

    @Test
    void theFieldRoundTripsAndOldFilesLoadWithoutIt() throws IOException {
        for (String c : List.of("T1w", "FLAIR", Contrast.UNKNOWN)) {
            Path f = dir.resolve(c + ".mrisr");
            ModelFile.write(f, new Generator(G, 1), ModelInfo.empty(1).withContrast(c));
            assertEquals(c, ModelFile.read(f).info().contrast());
            assertEquals(c, ModelFile.read(f).header().getAsJsonObject("trainingInput").get("contrast").getAsString());
        }
        Path old = dir.resolve("old.mrisr");
        ModelFile.write(old, new Generator(G, 1), ModelInfo.empty(1));
        assertFalse(ModelFile.read(old).header().getAsJsonObject("trainingInput").has("contrast"),
                "a model without a contrast writes no field, as files did before it");
        assertNull(ModelFile.read(old).info().contrast());
        ModelInfo kept = ModelInfo.empty(1).withContrast("T2w").withTraining(new JsonObject())
                .withResidualOver(ModelInfo.CUBIC_RESIDUAL);
        assertEquals("T2w", kept.contrast(), "the with... copies keep the contrast");
    }

    @Test
    void anUnknownValueIsRefusedNamingTheFileAndTheField() throws IOException {
        Path valid = dir.resolve("valid.mrisr");
        ModelFile.write(valid, new Generator(G, 1), ModelInfo.empty(1).withContrast("T1w"));
        refused(valid, "t1w", "'t1w'");
        refused(valid, "DWI", "'DWI'");
        refused(valid, "x".repeat(100_000), "xxx...");
        Path number = HostileZips.withEditedHeader(valid, dir.resolve("number.mrisr"),
                h -> h.getAsJsonObject("trainingInput").add("contrast", new JsonPrimitive(5)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.read(number));
        assertTrue(e.getMessage().contains("number.mrisr") && e.getMessage().contains("trainingInput.contrast")
                && e.getMessage().contains("must be a string"), e.getMessage());
    }

    private void refused(Path valid, String value, String shown) throws IOException {
        Path bad = HostileZips.withEditedHeader(valid, dir.resolve("bad.mrisr"),
                h -> h.getAsJsonObject("trainingInput").addProperty("contrast", value));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.read(bad));
        String m = e.getMessage();
        assertTrue(m.contains("bad.mrisr") && m.contains("trainingInput.contrast") && m.contains(shown), m);
        assertTrue(m.length() < 400, "a hostile value is not echoed whole: " + m.length());
    }
}
