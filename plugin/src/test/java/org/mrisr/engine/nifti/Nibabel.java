package org.mrisr.engine.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.mrisr.testutil.Python;

/** What nibabel, run live through /usr/bin/python3, reads from a file. */
final class Nibabel {
    private static final String LOAD = String.join("\n",
            "import sys, json, numpy as np, nibabel as nib",
            "f, vol, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]",
            "im = nib.load(f)",
            "full = im.get_fdata(dtype=np.float32)",
            "full = full[..., vol] if full.ndim == 4 else full",
            "np.asarray(full, dtype='<f4').ravel(order='F').tofile(out)",
            "h = im.header",
            "print(json.dumps({'shape': [int(s) for s in im.shape], 'affine': im.affine.tolist(),",
            "  'dtype': str(h.get_data_dtype().name), 'version': 2 if isinstance(h, nib.Nifti2Header) else 1,",
            "  'slope': float(im.dataobj.slope), 'inter': float(im.dataobj.inter),",
            "  'nans': int(np.isnan(full).sum())}))");

    /** nibabel's view of one volume. */
    record Loaded(int[] shape, double[] affine, float[] data, String dtype, int version, double slope, double inter, int nans) {
    }

    private Nibabel() {
    }

    static Loaded load(Path file, int volume) throws IOException {
        return load(file, volume, "");
    }

    /**
     * Runs {@code prelude} first in the same interpreter (e.g. to let nibabel write the file), then
     * loads. The prelude sees its own arguments as sys.argv[1:] and must not print.
     */
    static Loaded load(Path file, int volume, String prelude, String... preludeArgs) throws IOException {
        Path raw = Files.createTempFile("mrisr-nib", ".f32");
        try {
            String script = prelude.isEmpty() ? LOAD : prelude + "\nimport sys\nsys.argv = sys.argv[:1] + sys.argv[-3:]\n" + LOAD;
            String[] args = new String[preludeArgs.length + 3];
            System.arraycopy(preludeArgs, 0, args, 0, preludeArgs.length);
            args[preludeArgs.length] = file.toString();
            args[preludeArgs.length + 1] = Integer.toString(volume);
            args[preludeArgs.length + 2] = raw.toString();
            String out = Python.run(script, args);
            JsonObject j = new JsonParser().parse(out.strip()).getAsJsonObject();
            JsonArray s = j.getAsJsonArray("shape");
            int[] shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).getAsInt();
            }
            double[] aff = new double[16];
            JsonArray rows = j.getAsJsonArray("affine");
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    aff[4 * r + c] = rows.get(r).getAsJsonArray().get(c).getAsDouble();
                }
            }
            byte[] bytes = Files.readAllBytes(raw);
            float[] data = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            return new Loaded(shape, aff, data, j.get("dtype").getAsString(), j.get("version").getAsInt(),
                    j.get("slope").getAsDouble(), j.get("inter").getAsDouble(), j.get("nans").getAsInt());
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
