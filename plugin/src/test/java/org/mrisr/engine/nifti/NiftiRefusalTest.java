package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

/** Real files we must refuse, and what the header-only API still gives for them. */
class NiftiRefusalTest {
    @TempDir
    Path tmp;

    private static Path nib(String name) {
        return RealData.nibabelData().resolve(name);
    }

    private static String refusal(Path p) {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(p));
        assertTrue(e.source().endsWith(p.getFileName().toString()), e.source());
        return e.problem();
    }

    @Test
    void sixDimensionalCiftiIsRefused() {
        String m = refusal(nib("row_major.dconn.nii"));
        assertTrue(m.contains("6-D") && m.contains("CIFTI-2") && m.contains("1x1x1x1x10x10"), m);
    }

    @Test
    void headerOnlyFilesNameTheMissingImage() {
        for (String h : new String[] {"nifti1.hdr", "nifti2.hdr", "analyze.hdr"}) {
            String m = refusal(nib(h));
            String img = h.replace(".hdr", ".img");
            assertTrue(m.contains("missing image file") && m.contains(img), m);
        }
    }

    @Test
    void headerOnlyApiParsesTheNiftiHeaders() {
        NiftiHeader h1 = NiftiReader.readHeader(nib("nifti1.hdr"));
        NiftiHeader h2 = NiftiReader.readHeader(nib("nifti2.hdr"));
        for (NiftiHeader h : new NiftiHeader[] {h1, h2}) {
            assertArrayEquals(new long[] {3, 91, 109, 91, 1, 1, 1, 1}, h.dim());
            assertEquals(NiftiDatatype.INT16, h.datatype());
            assertEquals(16, h.bitpix());
            assertEquals(4, h.qformCode());
            assertEquals(4, h.sformCode());
            assertArrayEquals(new double[] {-2, 0, 0, 90}, h.srow(0));
            assertArrayEquals(new double[] {0, 1, 0}, h.quatern());
            assertEquals(ByteOrder.LITTLE_ENDIAN, h.byteOrder());
            assertTrue(h.isPair());
        }
        assertEquals(1, h1.version());
        assertEquals("ni1", h1.magic());
        assertEquals("FSL4.0", h1.descrip());
        assertEquals(2, h2.version());
        assertEquals("ni2", h2.magic());
        assertEquals(544, h2.voxOffset());
        assertEquals(Affine.ofRowMajor(-2, 0, 0, 90, 0, 2, 0, -126, 0, 0, 2, -72, 0, 0, 0, 1), NiftiTransform.of(h1, "x").affine());
    }

    @Test
    void analyzeHeaderIsNotNifti() {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.readHeader(nib("analyze.hdr")));
        assertTrue(e.problem().contains("Analyze 7.5"), e.problem());
    }

    @Test
    void rgbAndComplexAreRefusedByName() throws IOException {
        Path f = tmp.resolve("c.nii");
        NiftiWriter.write(new Volume(2, 2, 2, new float[8], Affine.identity()), f);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort(70, (short) 32); // complex64 needs 64 bits: 8 voxels * 8 bytes fit after the header
        bb.putShort(72, (short) 64);
        Files.write(f, b);
        String m = refusal(f);
        assertTrue(m.contains("unsupported datatype complex64"), m);
        bb.putShort(70, (short) 128);
        bb.putShort(72, (short) 24);
        Files.write(f, b);
        m = refusal(f);
        assertTrue(m.contains("unsupported datatype rgb24"), m);
    }

    @Test
    void volumeIndexOutOfRangeSaysHowManyThereAre() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NiftiReader().volume(2).readImage(nib("example4d.nii.gz")));
        assertTrue(e.problem().contains("has 2 volumes"), e.problem());
    }

    @Test
    void pairWithImgReads() throws IOException {
        // nibabel's nifti1.hdr with a made-up .img next to it: the pair resolves from either name
        Path hdr = tmp.resolve("p.hdr");
        Files.copy(nib("nifti1.hdr"), hdr);
        byte[] img = new byte[91 * 109 * 91 * 2];
        img[2] = 7; // voxel 1 = 7 little-endian
        Files.write(tmp.resolve("p.img"), img);
        for (Path p : new Path[] {hdr, tmp.resolve("p.img")}) {
            Volume v = NiftiReader.read(p);
            assertArrayEquals(new int[] {91, 109, 91}, v.shape());
            assertEquals(7, v.data()[1]);
            assertEquals(0, v.data()[0]);
        }
    }
}
