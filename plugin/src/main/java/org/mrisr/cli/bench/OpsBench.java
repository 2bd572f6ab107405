package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;

/**
 * {@code ./mrisr bench --only ops}: the paper's degradation
 * ({@code zoom(gaussian_filter(hr, 1), 1/2, order=3, prefilter=False)}) and the cubic-spline
 * baseline ({@code zoom(lr, 2, order=3)}) on ch2bet and ch2better, mrisr against scipy.ndimage, runs
 * interleaved ({@link Interleaved}): mrisr in this JVM after one warm-up run (JIT) with its compute pool
 * pinned to the bench's threads, each scipy run a fresh {@code bench/ops_peer.py --repeats 1} (scipy's
 * zoom and filter run in one thread). Each side reads the files with its own NIfTI reader; reading is
 * not timed.
 */
public final class OpsBench implements BenchSection {
    static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");
    static final String[] VOLUMES = {"ch2bet.nii.gz", "ch2better.nii.gz"};

    @Override
    public String name() {
        return "ops";
    }

    @Override
    public List<BenchRow> run(PrintStream log, BenchOptions o) throws Exception {
        List<String> args = new ArrayList<>(List.of("--repeats", "1"));
        for (String v : VOLUMES) {
            Path p = TEMPLATES.resolve(v);
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " missing: apt-get install mricron-data");
            }
            args.add(p.toString());
        }
        return InProcess.pinned(o.threads(), () -> measure(args, log, o));
    }

    private static List<BenchRow> measure(List<String> peerArgs, PrintStream log, BenchOptions o) throws Exception {
        Volume[] hr = new Volume[VOLUMES.length];
        for (int i = 0; i < VOLUMES.length; i++) {
            hr[i] = NiftiReader.read(TEMPLATES.resolve(VOLUMES[i]));
            Interpolator.cubic(Degrader.of(2).apply(hr[i]), 2); // warm-up
        }
        String[] peerName = {null};
        Interleaved.Result r = Interleaved.run(o.repeat(), () -> {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < VOLUMES.length; i++) {
                Volume h = hr[i];
                Volume[] lr = {null};
                m.put(VOLUMES[i] + " degrade", InProcess.seconds(() -> lr[0] = Degrader.of(2).apply(h)));
                m.put(VOLUMES[i] + " upsample", InProcess.seconds(() -> Interpolator.cubic(lr[0], 2)));
            }
            return m;
        }, () -> {
            JsonObject peer = PythonPeer.run(o.threads(), "ops_peer.py", peerArgs.toArray(new String[0]));
            peerName[0] = peer.get("peer").getAsString();
            Map<String, Double> m = new LinkedHashMap<>();
            for (String v : VOLUMES) {
                JsonObject t = peer.getAsJsonObject("volumes").getAsJsonObject(v);
                m.put(v + " degrade", t.get("degrade_x2_s").getAsDouble());
                m.put(v + " upsample", t.get("upsample_x2_s").getAsDouble());
            }
            return m;
        }, log, "ops");
        List<BenchRow> rows = new ArrayList<>();
        for (int i = 0; i < VOLUMES.length; i++) {
            String v = VOLUMES[i];
            String shape = hr[i].nx() + "x" + hr[i].ny() + "x" + hr[i].nz();
            rows.add(BenchRow.of("ops", "degrade x2 (blur 1 + cubic zoom) " + v + " " + shape, "s", r.mrisr(v + " degrade"),
                    r.peer(v + " degrade"), peerName[0], false, o.threads()));
            rows.add(BenchRow.of("ops", "cubic spline upsample x2 " + v + " LR", "s", r.mrisr(v + " upsample"),
                    r.peer(v + " upsample"), peerName[0], false, o.threads()));
        }
        return rows;
    }
}
