package org.mrisr.testutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Exchanges volumes with the Python reference through raw little-endian float32 files in NIfTI
 * order (x fastest, i.e. numpy order='F'). Python loads NIfTI files with nibabel here, so tests do
 * not depend on mrisr's own reader.
 */
public final class PyVolumes {
    private PyVolumes() {
    }

    /** A NIfTI file as nibabel sees it: get_fdata(dtype=float32) and img.affine. */
    public static Volume load(Path nifti) {
        Python.require("nibabel", "numpy");
        try {
            Path raw = Files.createTempFile("mrisr-vol", ".f32");
            try {
                String out = Python.run(String.join("\n",
                        "import sys, json, numpy as np, nibabel as nib",
                        "img = nib.load(sys.argv[1])",
                        "d = np.asarray(img.get_fdata(dtype=np.float32), dtype='<f4')",
                        "d.ravel(order='F').tofile(sys.argv[2])",
                        "print(json.dumps({'shape': list(d.shape), 'affine': img.affine.ravel().tolist()}))"),
                        nifti.toString(), raw.toString());
                JsonObject j = new JsonParser().parse(out.strip()).getAsJsonObject();
                int[] shape = ints(j.getAsJsonArray("shape"));
                JsonArray a = j.getAsJsonArray("affine");
                double[] m = new double[16];
                for (int i = 0; i < 16; i++) {
                    m[i] = a.get(i).getAsDouble();
                }
                return new Volume(shape[0], shape[1], shape[2], readRaw(raw, shape[0] * shape[1] * shape[2]),
                        Affine.ofRowMajor(m));
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Evaluates a Python expression over {@code v} (a float32 numpy array of shape (nx, ny, nz))
     * with {@code np} and {@code ndi} (scipy.ndimage) imported; {@code setup} lines run first.
     * The result (cast to float32) comes back with an identity affine; callers check geometry
     * themselves.
     */
    public static Volume compute(Volume in, String setup, String expression) {
        Python.require("numpy", "scipy");
        try {
            Path src = Files.createTempFile("mrisr-in", ".f32");
            Path dst = Files.createTempFile("mrisr-out", ".f32");
            try {
                writeRaw(src, in.data());
                String out = Python.run(String.join("\n",
                        "import sys, json, numpy as np, scipy.ndimage as ndi",
                        "shape = tuple(int(s) for s in sys.argv[3].split(','))",
                        "v = np.fromfile(sys.argv[1], dtype='<f4').reshape(shape, order='F')",
                        setup,
                        "r = np.asarray(" + expression + ")",
                        "r = np.asarray(r, dtype='<f4')",
                        "r.ravel(order='F').tofile(sys.argv[2])",
                        "print(json.dumps({'shape': list(r.shape)}))"),
                        src.toString(), dst.toString(), in.nx() + "," + in.ny() + "," + in.nz());
                int[] shape = ints(new JsonParser().parse(out.strip()).getAsJsonObject().getAsJsonArray("shape"));
                return new Volume(shape[0], shape[1], shape[2], readRaw(dst, shape[0] * shape[1] * shape[2]),
                        Affine.identity());
            } finally {
                Files.deleteIfExists(src);
                Files.deleteIfExists(dst);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same as {@link #compute(Volume, String, String)} without setup lines. */
    public static Volume compute(Volume in, String expression) {
        return compute(in, "", expression);
    }

    public static void writeRaw(Path p, float[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        Files.write(p, b.array());
    }

    public static float[] readRaw(Path p, int n) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        if (bytes.length != n * 4L) {
            throw new IOException(p + ": expected " + n * 4L + " bytes, got " + bytes.length);
        }
        float[] f = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    private static int[] ints(JsonArray a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).getAsInt();
        }
        return r;
    }

    /** Largest |a − b| over all voxels; shapes must match. */
    public static double maxAbsDiff(Volume a, Volume b) {
        if (!a.sameShape(b)) {
            throw new AssertionError("shape " + a + " != " + b);
        }
        double d = 0;
        float[] x = a.data();
        float[] y = b.data();
        for (int i = 0; i < x.length; i++) {
            d = Math.max(d, Math.abs((double) x[i] - y[i]));
        }
        return d;
    }

    /** How many voxels differ at all (float comparison; NaN equals NaN). */
    public static long countDifferent(Volume a, Volume b) {
        float[] x = a.data();
        float[] y = b.data();
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i] && !(Float.isNaN(x[i]) && Float.isNaN(y[i]))) {
                n++;
            }
        }
        return n;
    }
}
