package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

/**
 * Every voxel and the affine of real files (nibabel's test data, Debian's mricron templates) equal
 * what nibabel reads, to float32 precision. nibabel runs live; the table it prints is the issue's
 * conformance table.
 */
class NiftiConformanceTest {
    static Stream<String[]> files() throws IOException {
        Python.require("nibabel", "numpy");
        List<String[]> cases = new ArrayList<>();
        Path nib = RealData.nibabelData();
        for (String f : List.of("anatomical.nii", "example4d.nii.gz", "example_nifti2.nii.gz", "functional.nii",
                "reoriented_anat_moved.nii", "resampled_anat_moved.nii", "standard.nii.gz")) {
            cases.add(new String[] {nib.resolve(f).toString(), "0"});
        }
        // last volumes of the 4-D files too
        cases.add(new String[] {nib.resolve("example4d.nii.gz").toString(), "1"});
        cases.add(new String[] {nib.resolve("example_nifti2.nii.gz").toString(), "1"});
        cases.add(new String[] {nib.resolve("functional.nii").toString(), "19"});
        RealData.mricron("ch2bet.nii.gz");
        try (Stream<Path> s = Files.list(RealData.MRICRON)) {
            s.filter(p -> p.toString().endsWith(".nii.gz")).sorted().forEach(p -> cases.add(new String[] {p.toString(), "0"}));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} volume {1}")
    @MethodSource("files")
    void voxelsAndAffineMatchNibabel(String file, String vol) throws IOException {
        Path p = Path.of(file);
        int volume = Integer.parseInt(vol);
        NiftiImage img = new NiftiReader().volume(volume).verifyAllVolumes(true).readImage(p);
        Nibabel.Loaded ref = Nibabel.load(p, volume);
        Volume v = img.volume();
        assertArrayEquals(new int[] {ref.shape()[0], ref.shape()[1], ref.shape()[2]}, v.shape(), "shape");
        assertEquals(ref.shape().length == 4 ? ref.shape()[3] : 1, img.volumes(), "volumes");
        assertEquals(ref.dtype(), img.header().datatype().label(), "datatype");
        assertEquals(ref.version(), img.header().version(), "NIfTI version");

        double[] a = v.affine().toRowMajor();
        double affDiff = 0;
        for (int i = 0; i < 16; i++) {
            // header values are float32, so agreement is to float32 precision of the larger entries
            affDiff = Math.max(affDiff, Math.abs(a[i] - ref.affine()[i]));
            assertEquals(ref.affine()[i], a[i], 1e-5 * Math.max(1, Math.abs(ref.affine()[i])), "affine[" + i + "] of " + file);
        }

        float[] ours = v.data();
        float[] theirs = ref.data();
        assertEquals(theirs.length, ours.length, "voxel count");
        int mismatches = 0;
        int nans = 0;
        double maxRel = 0;
        for (int i = 0; i < ours.length; i++) {
            float x = ours[i];
            float y = theirs[i];
            if (Float.isNaN(x) || Float.isNaN(y)) {
                if (!(Float.isNaN(x) && Float.isNaN(y))) {
                    fail("voxel " + i + ": ours " + x + ", nibabel " + y);
                }
                nans++;
                continue;
            }
            if (x != y) {
                mismatches++;
                maxRel = Math.max(maxRel, Math.abs(x - y) / Math.max(Math.abs(y), Float.MIN_NORMAL));
            }
        }
        assertEquals(ref.nans(), nans, "NaN count");
        assertTrue(maxRel <= 2 * Math.ulp(1f), "largest relative difference " + maxRel + " exceeds float32 precision");
        System.out.printf("conformance | %s | vol %d | %s %s v%d %s | ours: %s, %d/%d voxels bit-equal, %d NaN, affine max diff %.2g | nibabel: same shape/dtype, %d NaN%n",
                p.getFileName(), volume, img.header().dimsText(), img.header().datatype(), img.header().version(),
                img.transform().kind(), "read", ours.length - mismatches - nans, ours.length, nans, affDiff, ref.nans());
    }
}
