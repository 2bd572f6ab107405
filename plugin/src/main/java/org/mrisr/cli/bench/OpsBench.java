package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * {@code ./mrisr bench --only ops}: the paper's degradation
 * ({@code zoom(gaussian_filter(hr, 1), 1/2, order=3, prefilter=False)}) and the cubic-spline
 * baseline ({@code zoom(lr, 2, order=3)}) on ch2bet and ch2better, mrisr against scipy.ndimage,
 * best of a few runs each. The peer runs first and alone, so the two never share the cores; it
 * also hands over the voxels nibabel read, so both sides work on identical data.
 */
public final class OpsBench implements BenchSection {
    static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");
    static final String[] VOLUMES = {"ch2bet.nii.gz", "ch2better.nii.gz"};
    static final int REPEATS = 3;

    @Override
    public String name() {
        return "ops";
    }

    @Override
    public List<BenchRow> run(PrintStream log) throws Exception {
        Path dir = Files.createTempDirectory("mrisr-bench-ops");
        try {
            List<String> args = new ArrayList<>(List.of("--repeats", Integer.toString(REPEATS), "--dump", dir.toString()));
            for (String v : VOLUMES) {
                Path p = TEMPLATES.resolve(v);
                if (!Files.isRegularFile(p)) {
                    throw new IOException(p + " missing: apt-get install mricron-data");
                }
                args.add(p.toString());
            }
            log.println("ops: scipy peer (best of " + REPEATS + ") ...");
            JsonObject peer = PythonPeer.run("ops_peer.py", args.toArray(new String[0]));
            String peerName = peer.get("peer").getAsString();
            JsonObject vols = peer.getAsJsonObject("volumes");
            List<BenchRow> rows = new ArrayList<>();
            for (String v : VOLUMES) {
                Volume hr = readDump(dir, v);
                JsonObject ref = vols.getAsJsonObject(v);
                String shape = hr.nx() + "x" + hr.ny() + "x" + hr.nz();
                log.println("ops: mrisr on " + v + " (" + shape + ") ...");
                Volume[] lr = new Volume[1];
                double tDeg = bestOf(() -> lr[0] = Degrader.of(2).apply(hr));
                double tUp = bestOf(() -> Interpolator.cubic(lr[0], 2));
                rows.add(new BenchRow("ops", "degrade x2 (blur 1 + cubic zoom) " + v + " " + shape, "s", tDeg,
                        ref.get("degrade_x2_s").getAsDouble(), peerName, false));
                rows.add(new BenchRow("ops", "cubic spline upsample x2 " + v + " LR", "s", tUp,
                        ref.get("upsample_x2_s").getAsDouble(), peerName, false));
            }
            return rows;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Best wall time in seconds of REPEATS runs after one warm-up run (JIT). */
    static double bestOf(Supplier<Volume> op) {
        op.get();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            op.get();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    /** The volume the peer dumped: raw little-endian float32, x fastest, plus a JSON header. */
    static Volume readDump(Path dir, String name) throws IOException {
        JsonObject h = new JsonParser().parse(Files.readString(dir.resolve(name + ".json"))).getAsJsonObject();
        JsonArray s = h.getAsJsonArray("shape");
        JsonArray a = h.getAsJsonArray("affine");
        int nx = s.get(0).getAsInt();
        int ny = s.get(1).getAsInt();
        int nz = s.get(2).getAsInt();
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = a.get(i).getAsDouble();
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(name + ".f32"));
        float[] d = new float[nx * ny * nz];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(d);
        return new Volume(nx, ny, nz, d, Affine.ofRowMajor(m));
    }
}
