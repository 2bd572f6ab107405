package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.google.gson.JsonObject;

import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;

/**
 * {@code ./mrisr bench --only ops}: the paper's degradation
 * ({@code zoom(gaussian_filter(hr, 1), 1/2, order=3, prefilter=False)}) and the cubic-spline
 * baseline ({@code zoom(lr, 2, order=3)}) on ch2bet and ch2better, mrisr against scipy.ndimage,
 * best of a few runs each (after a warm-up run on the Java side). The peer runs first and alone,
 * so the two never share the cores. Each side reads the files with its own NIfTI reader; file
 * reading is not timed.
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
    public List<BenchRow> run(PrintStream log, BenchOptions o) throws Exception {
        List<String> args = new ArrayList<>(List.of("--repeats", Integer.toString(REPEATS)));
        for (String v : VOLUMES) {
            Path p = TEMPLATES.resolve(v);
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " missing: apt-get install mricron-data");
            }
            args.add(p.toString());
        }
        log.println("ops: scipy peer (best of " + REPEATS + ") ...");
        JsonObject peer = PythonPeer.run(o.threads(), "ops_peer.py", args.toArray(new String[0]));
        String peerName = peer.get("peer").getAsString();
        JsonObject vols = peer.getAsJsonObject("volumes");
        List<BenchRow> rows = new ArrayList<>();
        for (String v : VOLUMES) {
            Volume hr = NiftiReader.read(TEMPLATES.resolve(v));
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
}
