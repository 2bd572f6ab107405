package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

import org.mrisr.engine.metrics.Ssim3d;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * {@code ./mrisr bench --only metrics}: 3D SSIM of ch2better's 292×364×312 centre box against a
 * noisy copy, mrisr's {@link Ssim3d} vs scikit-image's {@code structural_similarity} on the same
 * voxels (float64 in skimage, as nibabel's {@code get_fdata} gives). The peer
 * {@code bench/metrics_peer.py} writes the volumes (so both score identical data) and times skimage.
 * Runs interleaved ({@link Interleaved}): mrisr in this JVM after one warm-up run (JIT) with its compute
 * pool pinned to the bench's threads, each skimage run a fresh {@code metrics_peer.py time ... 1}. The two
 * SSIM values must agree within 1e-4 in every run, or the section fails rather than report a speed for a
 * wrong answer.
 */
public final class MetricsBench implements BenchSection {

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public List<BenchRow> run(PrintStream log, BenchOptions o) throws Exception {
        Path dir = Files.createTempDirectory("mrisr-bench-metrics");
        try {
            log.println("metrics: preparing ch2better 292x364x312 pair (bench/metrics_peer.py prepare)");
            JsonObject meta = PythonPeer.run(o.threads(), "metrics_peer.py", "prepare", dir.toString());
            int[] shape = new int[3];
            for (int i = 0; i < 3; i++) {
                shape[i] = meta.getAsJsonArray("shape").get(i).getAsInt();
            }
            double range = meta.get("data_range").getAsDouble();
            Volume ref = read(dir.resolve("ref.f32"), shape);
            Volume test = read(dir.resolve("test.f32"), shape);
            List<BenchRow> rows = new ArrayList<>();
            for (SsimWindow w : SsimWindow.values()) {
                rows.add(InProcess.pinned(o.threads(), () -> measure(w, ref, test, range, dir, log, o)));
            }
            return rows;
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static BenchRow measure(SsimWindow w, Volume ref, Volume test, double range, Path dir, PrintStream log,
            BenchOptions o) throws Exception {
        Ssim3d ssim = new Ssim3d(w);
        double ours = ssim.mean(ref, test, range); // warm-up
        String[] peerName = {null};
        Interleaved.Result r = Interleaved.run(o.repeat(), () -> Map.of("seconds", InProcess.seconds(() -> ssim.mean(ref,
                test, range))), () -> {
                    JsonObject peer = PythonPeer.run(o.threads(), "metrics_peer.py", "time", dir.toString(), w.label(), "1");
                    double theirs = peer.get("ssim").getAsDouble();
                    if (!(Math.abs(ours - theirs) <= 1e-4)) {
                        throw new IllegalStateException("SSIM " + w.label() + " disagrees with skimage: " + ours + " vs "
                                + theirs);
                    }
                    peerName[0] = peer.get("peer").getAsString();
                    return Interleaved.numbers(peer);
                }, log, "metrics SSIM " + w.label() + " (ssim " + ours + ")");
        return BenchRow.of("metrics", "SSIM " + w.label() + " 292x364x312", "s", r.mrisr("seconds"), r.peer("seconds"),
                peerName[0], false, o.threads());
    }

    private static Volume read(Path file, int[] s) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] d = new float[s[0] * s[1] * s[2]];
        bb.asFloatBuffer().get(d);
        return new Volume(s[0], s[1], s[2], d, Affine.identity());
    }
}
