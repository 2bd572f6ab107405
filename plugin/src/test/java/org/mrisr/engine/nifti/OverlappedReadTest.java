package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mrisr.engine.compute.Threads;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Reading with the conversion on a second thread gives the same floats, and the same errors, as
 * reading on one thread. The volumes are a few MB, enough for the reader to take the second thread.
 */
class OverlappedReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} scaled={1} {2} volume {3} of {4}")
    @CsvSource({
        "UINT8, false, .nii.gz, 0, 1",
        "UINT8, true, .nii, 0, 1",
        "INT16, true, .nii.gz, 1, 2",
        "UINT16, false, .nii, 1, 3",
        "FLOAT32, false, .nii.gz, 0, 1",
        "FLOAT32, true, .nii.gz, 2, 3",
        "FLOAT64, false, .nii, 0, 2",
        "INT64, true, .nii.gz, 0, 1"})
    void sameFloatsAsOnOneThread(NiftiDatatype type, boolean scaled, String ext, int volume, int volumes) throws Exception {
        Path f = dir.resolve("v" + ext);
        Files.write(f, file(type, scaled, volumes, ext.endsWith(".gz")));
        NiftiReader reader = new NiftiReader().volume(volume).verifyAllVolumes(true);
        float[] plain = Threads.with(2, () -> reader.overlap(false).readImage(f).volume().data());
        float[] overlapped = Threads.with(2, () -> reader.readImage(f).volume().data());
        assertEquals(plain.length, overlapped.length);
        for (int i = 0; i < plain.length; i++) {
            if (Float.floatToIntBits(plain[i]) != Float.floatToIntBits(overlapped[i])) {
                assertEquals(plain[i], overlapped[i], "voxel " + i);
            }
        }
    }

    @ParameterizedTest(name = "cut at {0} of the voxels")
    @CsvSource({"0.1", "0.5", "0.999"})
    void truncatedGzipFailsTheSameWay(double fraction) throws Exception {
        byte[] raw = file(NiftiDatatype.INT16, false, 1, false);
        int cut = 352 + (int) ((raw.length - 352) * fraction);
        Path f = dir.resolve("cut.nii.gz");
        Files.write(f, gzip(Arrays.copyOf(raw, cut)));
        NiftiReader reader = new NiftiReader();
        String plain = Threads.with(2, () -> assertThrows(NiftiFormatException.class, () -> reader.overlap(false).readImage(f)).getMessage());
        String overlapped = Threads.with(2, () -> assertThrows(NiftiFormatException.class, () -> reader.readImage(f)).getMessage());
        assertEquals(plain, overlapped);
        assertEquals(true, overlapped.contains("truncated: the data ends at byte " + cut), overlapped);
    }

    /** A little-endian NIfTI-1 of ~3 MB per volume with random voxel bytes. */
    private static byte[] file(NiftiDatatype type, boolean scaled, int volumes, boolean gz) throws IOException {
        int nz = 3_000_000 / (100 * 100 * type.bytes()) + 1;
        Volume shape = new Volume(100, 100, nz, new float[100 * 100 * nz], Affine.diagonal(1, 1, 1), 1);
        ByteBuffer h = Samples.le(new NiftiWriter().header(shape, null));
        h.putShort(40, (short) (volumes > 1 ? 4 : 3));
        h.putShort(48, (short) volumes);
        h.putShort(70, (short) type.code());
        h.putShort(72, (short) type.bitpix());
        h.putFloat(112, scaled ? 0.75f : 1f);
        h.putFloat(116, scaled ? -3f : 0f);
        byte[] voxels = new byte[100 * 100 * nz * type.bytes() * volumes];
        new Random(type.code()).nextBytes(voxels);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(h.array());
        all.write(voxels);
        return gz ? gzip(all.toByteArray()) : all.toByteArray();
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o) {
            {
                def.setLevel(Deflater.BEST_SPEED); // random bytes: level 6 would only take longer
            }
        }) {
            g.write(b);
        }
        return o.toByteArray();
    }
}
