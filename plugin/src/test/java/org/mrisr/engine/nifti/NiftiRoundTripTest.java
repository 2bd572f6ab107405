package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.Python;

/** What we write nibabel reads back; what nibabel writes we read back. */
class NiftiRoundTripTest {
    @TempDir
    Path tmp;

    /** An oblique, left-handed affine (qfac −1 in the qform). */
    static final Affine OBLIQUE = Affine.ofRowMajor(
            Math.cos(0.3), -Math.sin(0.3), 0, 90, Math.sin(0.3), Math.cos(0.3), 0, 110, 0, 0, 1.5, -72, 0, 0, 0, 1)
            .multiply(Affine.diagonal(-1.2, 0.8, 1));

    static Volume randomVolume(long seed) {
        Random r = new Random(seed);
        float[] d = new float[13 * 11 * 7];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextGaussian() * 300 + 50);
        }
        d[5] = Float.NaN;
        d[6] = -0f;
        d[7] = Float.MIN_VALUE;
        return new Volume(13, 11, 7, d, OBLIQUE, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.nii", "out.nii.gz"})
    void nibabelReadsOurFloat32(String name) throws IOException {
        Python.require("nibabel");
        Volume v = randomVolume(1);
        Path f = tmp.resolve(name);
        NiftiWriter.write(v, f);
        Nibabel.Loaded ref = Nibabel.load(f, 0);
        assertArrayEquals(new int[] {13, 11, 7}, ref.shape());
        assertEquals("float32", ref.dtype());
        for (int i = 0; i < v.size(); i++) {
            assertEquals(Float.floatToIntBits(v.data()[i]), Float.floatToIntBits(ref.data()[i]), "voxel " + i);
        }
        NiftiGeometryTest.assertClose(v.affine().toRowMajor(), ref.affine(), 1e-6, "affine");
        // and the qform alone gives the same affine (no shear here)
        NiftiHeader h = NiftiReader.readHeader(f);
        NiftiGeometryTest.assertClose(v.affine().toRowMajor(), NiftiTransform.qformMatrix(h), 1e-5, "qform");
        assertEquals(-1, h.pixdim()[0], "qfac");
        Volume back = NiftiReader.read(f);
        assertArrayEquals(v.data(), back.data());
        assertEquals(4, back.spaceCode());
    }

    @Test
    void int16WithScalingOnRequest() throws IOException {
        Python.require("nibabel");
        Volume v = randomVolume(2);
        Path f = tmp.resolve("s.nii.gz");
        new NiftiWriter().storage(NiftiWriter.Storage.INT16_SCALED).writeVolume(v, f);
        NiftiImage img = new NiftiReader().readImage(f);
        assertEquals(NiftiDatatype.INT16, img.header().datatype());
        double slope = img.header().sclSlope();
        assertTrue(slope > 0 && slope != 1, "slope " + slope);
        Nibabel.Loaded ref = Nibabel.load(f, 0);
        float[] ours = img.volume().data();
        for (int i = 0; i < v.size(); i++) {
            assertEquals(ref.data()[i], ours[i], 0, "we decode like nibabel, voxel " + i);
            if (!Float.isNaN(v.data()[i])) {
                assertEquals(v.data()[i], ours[i], slope * 0.5 + Math.ulp(Math.abs(v.data()[i])) * 4, "quantisation, voxel " + i);
            }
        }
        // integer-valued data in range is stored losslessly, unscaled
        float[] ints = new float[24];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i * 1000 - 12000;
        }
        Path g = tmp.resolve("i.nii");
        new NiftiWriter().storage(NiftiWriter.Storage.INT16_SCALED).writeVolume(new Volume(2, 3, 4, ints, Affine.identity()), g);
        assertArrayEquals(ints, NiftiReader.read(g).data());
        assertEquals(1, NiftiReader.readHeader(g).sclSlope());
    }

    /** nibabel writes every readable datatype, both byte orders, NIfTI-1/2, pairs, gzip; we read them. */
    @ParameterizedTest
    @ValueSource(strings = {"uint8 <", "int8 <", "int16 >", "uint16 <", "int32 >", "uint32 <", "int64 <", "uint64 >",
        "float32 >", "float64 <", "int16-scaled <", "float64-scaled >", "int16 < nifti2", "float32 > nifti2",
        "int16 < pair", "uint8 < pair-gz", "int16 > nifti2-pair"})
    void weReadWhatNibabelWrites(String spec) throws IOException {
        Python.require("nibabel", "numpy");
        String[] s = spec.split(" ");
        String kind = s.length > 2 ? s[2] : "nifti1";
        String ext = kind.startsWith("nifti2-pair") || kind.equals("pair") ? ".hdr" : kind.equals("pair-gz") ? ".img.gz" : ".nii.gz";
        Path f = tmp.resolve("nib" + ext);
        String script = String.join("\n",
                "import sys, numpy as np, nibabel as nib",
                "dt, order, kind, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]",
                "scaled = dt.endswith('-scaled'); dt = dt.replace('-scaled', '')",
                "rng = np.random.default_rng(5)",
                "info = np.iinfo(dt) if dt[0] in 'iu' else None",
                "a = rng.integers(info.min, info.max, size=(6, 5, 4, 3), dtype=dt, endpoint=True) if info else rng.normal(0, 1e3, (6, 5, 4, 3)).astype(dt)",
                "aff = np.array([[0, -1.5, 0, 30], [2, 0, 0, -20], [0, 0, 2.5, 10], [0, 0, 0, 1]])",
                "klass = {'nifti1': nib.Nifti1Image, 'nifti2': nib.Nifti2Image, 'pair': nib.Nifti1Pair, 'pair-gz': nib.Nifti1Pair, 'nifti2-pair': nib.Nifti2Pair}[kind]",
                "h = klass.header_class(endianness=order)",
                "h.set_data_dtype(dt)",
                "img = klass(a, aff, h)",
                "if scaled: img.header.set_slope_inter(0.37, -12.5)",
                "nib.save(img, out)",
                "r = nib.load(out); assert r.header.endianness == order, r.header.endianness");
        for (int vol : new int[] {2}) {
            Nibabel.Loaded ref = Nibabel.load(f, vol, script, s[0], s[1], kind, f.toString());
            NiftiImage img = new NiftiReader().volume(vol).readImage(f);
            assertEquals(s[1].equals("<") ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN, img.header().byteOrder());
            assertEquals(kind.contains("nifti2") ? 2 : 1, img.header().version());
            assertEquals(ref.dtype(), img.header().datatype().label());
            assertEquals(3, img.volumes());
            float[] ours = img.volume().data();
            for (int i = 0; i < ours.length; i++) {
                assertEquals(ref.data()[i], ours[i], Math.ulp(ref.data()[i]), spec + " vol " + vol + " voxel " + i);
            }
            NiftiGeometryTest.assertClose(ref.affine(), img.volume().affine().toRowMajor(), 1e-6, spec);
        }
    }

    /** Volumes of several read chunks are decoded on a second thread while the next chunk inflates: same voxels. */
    @ParameterizedTest
    @ValueSource(strings = {"a.nii", "a.nii.gz"})
    void volumesOfManyChunksReadBackExactlyAndTruncationIsStillNamed(String name) throws IOException {
        Random r = new Random(3);
        int n = 140; // 2.7 M float32 voxels: three 4 MiB chunks
        float[] d = new float[n * n * n];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian() * 100;
        }
        Volume v = new Volume(n, n, n, d, Affine.identity());
        Path f = tmp.resolve(name);
        NiftiWriter.write(v, f);
        assertArrayEquals(d, NiftiReader.read(f).data());
        if (name.endsWith(".gz")) {
            byte[] all = java.nio.file.Files.readAllBytes(f);
            Path cut = tmp.resolve("cut-" + name);
            java.nio.file.Files.write(cut, java.util.Arrays.copyOf(all, all.length * 3 / 4));
            NiftiFormatException e = org.junit.jupiter.api.Assertions.assertThrows(NiftiFormatException.class,
                () -> NiftiReader.read(cut));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());
        }
    }
}
