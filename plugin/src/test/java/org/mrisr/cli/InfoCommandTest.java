package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

/** {@code mrisr info}: JSON that agrees with nibabel, one-line errors with exit 2. */
class InfoCommandTest {
    @TempDir
    Path tmp;

    private static JsonObject info(String... argv) {
        String[] full = new String[argv.length + 1];
        full[0] = "info";
        System.arraycopy(argv, 0, full, 1, argv.length);
        MainTest.Run r = MainTest.run(full);
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line");
        return new JsonParser().parse(r.out()).getAsJsonObject();
    }

    @Test
    void describesA4dScaledFileLikeNibabel() {
        Python.require("nibabel", "numpy");
        Path f = RealData.nibabelData().resolve("functional.nii");
        String ref = Python.run("import sys, json, numpy as np, nibabel as nib\n"
                + "im = nib.load(sys.argv[1]); d = im.get_fdata(dtype=np.float32)[..., int(sys.argv[2])]\n"
                + "print(json.dumps({'min': float(d.min()), 'max': float(d.max()), 'affine': im.affine.tolist(),"
                + " 'zooms': [float(z) for z in im.header.get_zooms()[:3]], 'slope': float(im.dataobj.slope), 'inter': float(im.dataobj.inter)}))",
                f.toString(), "19");
        JsonObject n = new JsonParser().parse(ref).getAsJsonObject();
        JsonObject j = info(f.toString(), "--volume", "19");
        assertEquals("[17,21,3,20]", j.get("dims").toString());
        assertEquals(20, j.get("volumes").getAsInt());
        assertEquals(19, j.get("volume").getAsInt());
        assertEquals("int16", j.get("datatype").getAsString());
        assertEquals(1, j.get("nifti_version").getAsInt());
        assertEquals("little", j.get("endianness").getAsString());
        assertEquals("sform", j.get("transform").getAsString());
        assertEquals(n.get("slope").getAsDouble(), j.get("scl_slope").getAsDouble(), 1e-7);
        assertEquals(n.get("inter").getAsDouble(), j.get("scl_inter").getAsDouble(), 1e-3);
        assertEquals(n.get("min").getAsFloat(), j.get("min").getAsFloat());
        assertEquals(n.get("max").getAsFloat(), j.get("max").getAsFloat());
        assertEquals(n.get("affine").toString().replace(" ", ""), j.get("affine").toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(n.getAsJsonArray("zooms").get(i).getAsDouble(), j.getAsJsonArray("voxel_size_mm").get(i).getAsDouble(), 1e-5);
        }
        assertEquals(352, j.get("vox_offset").getAsInt());
    }

    @Test
    void bigEndianNaNsAndUnsetScaling() {
        JsonObject j = info(RealData.nibabelData().resolve("resampled_anat_moved.nii").toString());
        assertEquals("big", j.get("endianness").getAsString());
        assertEquals("[17,21,3]", j.get("dims").toString());
        assertEquals("float32", j.get("datatype").getAsString());
        assertEquals(153, j.get("nan_count").getAsInt());
        assertTrue(j.get("min").getAsDouble() <= j.get("max").getAsDouble());
        JsonObject c = info(RealData.mricron("ch2bet.nii.gz").toString());
        assertEquals("sform", c.get("transform").getAsString());
        assertEquals(0, c.get("qform_code").getAsInt());
        assertEquals("[181,217,181]", c.get("dims").toString());
        assertEquals("uint8", c.get("datatype").getAsString());
    }

    @Test
    void badFilesAreOneLineErrorsWithExit2() throws IOException {
        byte[] gz = Files.readAllBytes(RealData.mricron("ch2bet.nii.gz"));
        Path cut = tmp.resolve("cut.nii.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 1000)); // header intact, voxels cut short
        expectError(cut.toString(), "error: " + cut + ": truncated");
        Path hdr = RealData.nibabelData().resolve("nifti1.hdr");
        expectError(hdr.toString(), "error: " + hdr + ": missing image file");
        Path dconn = RealData.nibabelData().resolve("row_major.dconn.nii");
        expectError(dconn.toString(), "error: " + dconn + ": 6-D image");
        expectError(tmp.resolve("none.nii").toString(), "error: " + tmp.resolve("none.nii") + ": no such file");
    }

    private static void expectError(String file, String prefix) {
        MainTest.Run r = MainTest.run("info", file);
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(prefix), r.err());
    }

    @Test
    void usageErrors() {
        assertEquals(2, MainTest.run("info").code());
        assertEquals(2, MainTest.run("info", "a.nii", "b.nii").code());
        assertEquals(2, MainTest.run("info", "a.nii", "--volume", "x").code());
        assertEquals(2, MainTest.run("info", "a.nii", "--bogus").code());
    }
}
