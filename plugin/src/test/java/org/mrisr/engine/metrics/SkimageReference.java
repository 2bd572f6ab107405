package org.mrisr.engine.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.Python;

/**
 * Runs {@code skimage_scores.py} live: Python makes (or loads) the volumes, writes them as raw
 * float32 so Java scores the very same voxels, and reports skimage's scores per case.
 */
final class SkimageReference {
    final Path dir;
    final Volume reference;
    final Volume test;
    final Volume mask;
    final long maskVoxels;
    final String skimageVersion;
    final JsonArray cases;

    private SkimageReference(Path dir, JsonObject json) throws IOException {
        this.dir = dir;
        JsonArray s = json.getAsJsonArray("shape");
        int nx = s.get(0).getAsInt();
        int ny = s.get(1).getAsInt();
        int nz = s.get(2).getAsInt();
        this.reference = read(dir.resolve("ref.f32"), nx, ny, nz);
        this.test = read(dir.resolve("test.f32"), nx, ny, nz);
        this.mask = read(dir.resolve("mask.f32"), nx, ny, nz);
        this.maskVoxels = json.get("mask_voxels").getAsLong();
        this.skimageVersion = json.get("skimage").getAsString();
        this.cases = json.getAsJsonArray("cases");
    }

    /** @param source see the script: "random:SEED:NX,NY,NZ" or "ch2bet:PATH[:CROP]" */
    static SkimageReference run(Path dir, String source, String casesJson) throws IOException {
        Python.require("numpy", "scipy", "skimage", "nibabel");
        String script;
        try (InputStream in = SkimageReference.class.getResourceAsStream("skimage_scores.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String out = Python.run(script, dir.toString(), source, casesJson).strip();
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return new SkimageReference(dir, new JsonParser().parse(last).getAsJsonObject());
    }

    static Volume read(Path file, int nx, int ny, int nz) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] d = new float[nx * ny * nz];
        bb.asFloatBuffer().get(d);
        return new Volume(nx, ny, nz, d, Affine.identity());
    }

    double[] readMap(int caseIndex) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("map" + caseIndex + ".f64"))).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[reference.size()];
        bb.asDoubleBuffer().get(d);
        return d;
    }

    /** The case's settings as the engine's types. */
    static SsimWindow window(JsonObject c) {
        return SsimWindow.parse(c.get("window").getAsString());
    }

    static DataRangePolicy range(JsonObject c) {
        return DataRangePolicy.parse(c.get("range").getAsString(), "case");
    }

    static MaskMode maskMode(JsonObject c) {
        String m = c.get("mask").getAsString();
        return m.equals("none") ? null : MaskMode.parse(m);
    }
}
