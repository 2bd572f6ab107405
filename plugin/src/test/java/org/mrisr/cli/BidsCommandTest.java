package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.BuildInfo;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ./mrisr bids BIDS_DIR OUT_DIR participant}: which images, which names, the derivative's description. */
class BidsCommandTest {
    @TempDir
    static Path dir;
    static Path bids;

    /** sub-01 (anat), sub-02 (ses-1 with T1w and T2w), sub-03 (anat) of small crops of a real brain. */
    @BeforeAll
    static void dataset() throws Exception {
        Volume full = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        Volume v = full.crop(70, 80, 70, 20, 20, 20);
        bids = dir.resolve("study");
        Files.createDirectories(bids);
        Files.writeString(bids.resolve("dataset_description.json"), "{\"Name\": \"study\", \"BIDSVersion\": \"1.9.0\"}");
        for (String f : List.of("sub-01/anat/sub-01_T1w.nii.gz", "sub-02/ses-1/anat/sub-02_ses-1_run-2_T1w.nii.gz",
            "sub-02/ses-1/anat/sub-02_ses-1_T2w.nii.gz", "sub-03/anat/sub-03_T1w.nii.gz")) {
            Path p = bids.resolve(f);
            Files.createDirectories(p.getParent());
            NiftiWriter.write(v, p);
        }
    }

    private static List<String> tree(final Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void chosenParticipantsBecomeABidsDerivative() throws Exception {
        Path out = dir.resolve("derivatives/mrisr");
        MainTest.Run r = MainTest.run("bids", bids.toString(), out.toString(), "participant", "--participant-label", "01",
            "sub-02");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("dataset_description.json", "sub-01/anat/sub-01_desc-srganx2_T1w.nii.gz",
            "sub-02/ses-1/anat/sub-02_ses-1_run-2_desc-srganx2_T1w.nii.gz"), tree(out));
        assertArrayEquals(new int[] {40, 40, 40}, NiftiReader.read(out.resolve("sub-01/anat/sub-01_desc-srganx2_T1w.nii.gz"))
            .shape());
        JsonObject d = new JsonParser().parse(Files.readString(out.resolve("dataset_description.json"))).getAsJsonObject();
        assertEquals("derivative", d.get("DatasetType").getAsString());
        JsonObject by = d.getAsJsonArray("GeneratedBy").get(0).getAsJsonObject();
        assertEquals("mrisr", by.get("Name").getAsString());
        assertEquals(BuildInfo.mrisrVersion(), by.get("Version").getAsString());
        assertEquals(bids.toUri().toString(), d.getAsJsonArray("SourceDatasets").get(0).getAsJsonObject().get("URL")
            .getAsString());

        MainTest.Run again = MainTest.run("bids", bids.toString(), out.toString(), "participant");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("summary: 3 input(s): 1 written, 2 skipped (output exists), 0 failed"),
            again.err());
        assertTrue(Files.exists(out.resolve("sub-03/anat/sub-03_desc-srganx2_T1w.nii.gz")));
    }

    @Test
    void otherSuffixesAndNamesWithADesc() {
        BidsLayout layout = new BidsLayout(bids);
        assertEquals(List.of(bids.resolve("sub-02/ses-1/anat/sub-02_ses-1_T2w.nii.gz")), layout.images("02", "T2w"));
        assertEquals(dir.resolve("d/sub-02/ses-1/anat/sub-02_ses-1_rec-x_desc-srganx4_T1w.nii.gz"), layout.derivative(
            bids.resolve("sub-02/ses-1/anat/sub-02_ses-1_rec-x_desc-defaced_T1w.nii"), dir.resolve("d"), "srganx4"));
    }

    @Test
    void wrongUseIsExplained() throws Exception {
        Path out = dir.resolve("other");
        MainTest.Run label = MainTest.run("bids", bids.toString(), out.toString(), "participant", "--participant-label", "07");
        assertEquals(2, label.code());
        assertEquals("error: --participant-label 07: no sub-07 folder in " + bids + " (participants: 01 02 03)",
            label.err().strip());
        MainTest.Run group = MainTest.run("bids", bids.toString(), out.toString(), "group");
        assertEquals(2, group.code());
        assertTrue(group.err().startsWith("error: analysis level 'group': mrisr has only the participant level"),
            group.err());
        Path notBids = Files.createDirectories(dir.resolve("plain"));
        MainTest.Run plain = MainTest.run("bids", notBids.toString(), out.toString(), "participant");
        assertEquals("error: " + notBids + ": has no dataset_description.json: not a BIDS dataset", plain.err().strip());
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("dataset_description.json"), "{\"Name\": \"raw\", \"DatasetType\": \"raw\"}");
        MainTest.Run taken = MainTest.run("bids", bids.toString(), foreign.toString(), "participant",
            "--participant-label", "01");
        assertEquals(2, taken.code());
        assertTrue(taken.err().contains("describes a dataset that is not a derivative"), taken.err());
    }
}
