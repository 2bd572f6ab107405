package org.mrisr.engine.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** Small valid NIfTI files as bytes, for hostile-input tests to break. */
final class Samples {
    private Samples() {
    }

    /** A 6×5×4 float32 .nii written by NiftiWriter (352 header bytes + 480 voxel bytes). */
    static byte[] smallNii(Path dir) throws IOException {
        float[] d = new float[6 * 5 * 4];
        Random r = new Random(3);
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextFloat() * 100;
        }
        Path f = Files.createTempFile(dir, "sample", ".nii");
        NiftiWriter.write(new Volume(6, 5, 4, d, Affine.diagonal(2, 2, 3), 1), f);
        byte[] b = Files.readAllBytes(f);
        Files.delete(f);
        return b;
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(b);
        }
        return o.toByteArray();
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
