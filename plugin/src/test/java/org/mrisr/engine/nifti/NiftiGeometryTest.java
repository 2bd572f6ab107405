package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

/** qform/sform/pixdim rules, quaternions both ways, units. */
class NiftiGeometryTest {
    @TempDir
    Path tmp;

    @Test
    void qformOfEveryRealFileMatchesNibabel() throws IOException {
        Python.require("nibabel");
        List<String> files = new ArrayList<>();
        Path nib = RealData.nibabelData();
        for (String f : List.of("anatomical.nii", "example4d.nii.gz", "example_nifti2.nii.gz", "functional.nii",
                "reoriented_anat_moved.nii", "resampled_anat_moved.nii", "standard.nii.gz", "nifti1.hdr", "nifti2.hdr")) {
            files.add(nib.resolve(f).toString());
        }
        RealData.mricron("ch2.nii.gz");
        try (var s = Files.list(RealData.MRICRON)) {
            s.filter(p -> p.toString().endsWith(".nii.gz")).sorted().forEach(p -> files.add(p.toString()));
        }
        String script = "import sys, json, nibabel as nib\n"
                + "for f in sys.argv[1:]:\n"
                + "  h = nib.load(f).header\n"
                + "  print(json.dumps({'q': h.get_qform().tolist(), 's': h.get_sform().tolist(), 'qc': int(h['qform_code']), 'sc': int(h['sform_code'])}))\n";
        List<String> lines = Python.run(script, files.toArray(new String[0])).strip().lines().toList();
        assertEquals(files.size(), lines.size());
        for (int i = 0; i < files.size(); i++) {
            JsonObject j = new JsonParser().parse(lines.get(i)).getAsJsonObject();
            NiftiHeader h = NiftiReader.readHeader(Path.of(files.get(i)));
            assertClose(matrix(j.getAsJsonArray("q")), NiftiTransform.qformMatrix(h), 1e-5, "qform of " + files.get(i));
            assertEquals(j.get("qc").getAsInt(), h.qformCode(), files.get(i));
            assertEquals(j.get("sc").getAsInt(), h.sformCode(), files.get(i));
            if (h.sformCode() > 0) {
                NiftiTransform t = NiftiTransform.of(h, files.get(i));
                assertEquals("sform", t.kind());
                assertClose(matrix(j.getAsJsonArray("s")), t.affine().toRowMajor(), 1e-6, "sform of " + files.get(i));
            }
        }
    }

    /** mricron's ch2 has qform_code 0 with a stale quaternion far from the sform: the sform must win. */
    @Test
    void staleQformOfCh2LosesToSform() {
        for (String name : List.of("ch2.nii.gz", "ch2bet.nii.gz")) {
            NiftiImage img = new NiftiReader().readImage(RealData.mricron(name));
            NiftiHeader h = img.header();
            assertEquals(0, h.qformCode());
            assertTrue(h.sformCode() > 0);
            assertEquals("sform", img.transform().kind());
            double[] q = NiftiTransform.qformMatrix(h);
            double[] a = img.volume().affine().toRowMajor();
            double diff = 0;
            for (int i = 0; i < 12; i++) {
                diff = Math.max(diff, Math.abs(q[i] - a[i]));
                assertEquals(h.srow(i / 4)[i % 4], a[i], 0, "affine is the sform");
            }
            assertTrue(diff > 1, name + ": quaternion is stale (differs by " + diff + " mm), so using it would be wrong");
            assertEquals(h.sformCode(), img.volume().spaceCode());
        }
    }

    @Test
    void quaternionRoundTripsRandomRotationsBothHandednesses() {
        Random r = new Random(7);
        for (int t = 0; t < 2000; t++) {
            double[] quat = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double n = Math.sqrt(quat[0] * quat[0] + quat[1] * quat[1] + quat[2] * quat[2] + quat[3] * quat[3]);
            double sign = quat[0] < 0 ? -1 : 1; // a >= 0 is implied by NIfTI
            double[] bcd = {sign * quat[1] / n, sign * quat[2] / n, sign * quat[3] / n};
            double[] pix = {r.nextBoolean() ? 1 : -1, 0.2 + 3 * r.nextDouble(), 0.2 + 3 * r.nextDouble(), 0.2 + 3 * r.nextDouble()};
            double[] off = {100 * r.nextGaussian(), 100 * r.nextGaussian(), 100 * r.nextGaussian()};
            double[] m = Quaternions.toMatrix(bcd, off, pix);
            double[] back = Quaternions.fromMatrix(m);
            double[] m2 = Quaternions.toMatrix(new double[] {back[0], back[1], back[2]}, new double[] {back[3], back[4], back[5]},
                    new double[] {back[9], back[6], back[7], back[8]});
            assertClose(m, m2, 1e-9, "case " + t);
            assertEquals(pix[0], back[9], "qfac");
        }
    }

    /** With shear, the written sform is exact and the qform is what nibabel derives (nearest rotation). */
    @Test
    void shearedAffineKeepsExactSformAndBestRotationQform() throws IOException {
        Python.require("nibabel");
        Affine a = Affine.ofRowMajor(-1.1, 0.2, 0.05, 90, 0.1, 0.95, -0.3, -126, 0.02, 0.25, 1.3, -72, 0, 0, 0, 1);
        Path f = tmp.resolve("shear.nii");
        NiftiWriter.write(new Volume(3, 4, 5, new float[60], a, 4), f);
        String script = "import sys, json, numpy as np, nibabel as nib\n"
                + "h = nib.load(sys.argv[1]).header\n"
                + "ref = nib.Nifti1Header(); ref.set_qform(h.get_sform(), strip_shears=True)\n"
                + "print(json.dumps({'s': h.get_sform().tolist(), 'q': h.get_qform().tolist(), 'ref': ref.get_qform().tolist(),"
                + " 'codes': [int(h['qform_code']), int(h['sform_code'])]}))\n";
        JsonObject j = new JsonParser().parse(Python.run(script, f.toString()).strip()).getAsJsonObject();
        assertClose(a.toRowMajor(), matrix(j.getAsJsonArray("s")), 1e-5, "sform exact");
        assertClose(matrix(j.getAsJsonArray("ref")), matrix(j.getAsJsonArray("q")), 1e-4, "qform = nibabel's best rotation");
        assertEquals("[4,4]", j.get("codes").toString());
    }

    @Test
    void unitsConvertToMillimetres() throws IOException {
        Path f = tmp.resolve("u.nii");
        NiftiWriter.write(new Volume(2, 2, 2, new float[8], Affine.diagonal(0.002, 0.003, 0.004), 1), f);
        byte[] b = Files.readAllBytes(f);
        b[123] = 1; // metres
        Files.write(f, b);
        double[] vs = NiftiReader.read(f).affine().voxelSize();
        assertEquals(2, vs[0], 1e-6);
        assertEquals(3, vs[1], 1e-6);
        assertEquals(4, vs[2], 1e-6);
        b[123] = 3; // microns
        Files.write(f, b);
        assertEquals(0.002 / 1000, NiftiReader.read(f).affine().voxelSize()[0], 1e-12);
    }

    @Test
    void withoutCodesTheAffineIsPixdimScaling() throws IOException {
        Path f = tmp.resolve("p.nii");
        NiftiWriter.write(new Volume(2, 2, 2, new float[8], Affine.ofRowMajor(0, -2, 0, 5, 3, 0, 0, 6, 0, 0, 4, 7, 0, 0, 0, 1), 1), f);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort(252, (short) 0);
        bb.putShort(254, (short) 0);
        Files.write(f, b);
        NiftiImage img = new NiftiReader().readImage(f);
        assertEquals("pixdim", img.transform().kind());
        assertEquals(Affine.diagonal(3, 2, 4), img.volume().affine());
        assertEquals(0, img.volume().spaceCode());
        bb.putShort(252, (short) 1);
        Files.write(f, b);
        img = new NiftiReader().readImage(f);
        assertEquals("qform", img.transform().kind());
        assertClose(new double[] {0, -2, 0, 5, 3, 0, 0, 6, 0, 0, 4, 7, 0, 0, 0, 1}, img.volume().affine().toRowMajor(), 1e-6, "qform");
    }

    static double[] matrix(JsonArray rows) {
        double[] m = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                m[4 * r + c] = rows.get(r).getAsJsonArray().get(c).getAsDouble();
            }
        }
        return m;
    }

    static void assertClose(double[] want, double[] got, double tol, String what) {
        for (int i = 0; i < 16; i++) {
            assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + " element " + i);
        }
    }
}
