package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/**
 * {@code bench --only thick}: the thick-slice job on a 1 x 1 x 5 mm scan of about 180 x 220 x 36 voxels
 * (Colin 27, {@code ch2bet.nii.gz} of Debian's mricron-data, 181 x 217 x 181 at 1 mm, its first 180 slices
 * simulated as 36 slices of 5 mm with a Gaussian profile) refined to 1 mm with the default settings:
 * wall time and peak RSS of {@code ./mrisr thick-slice} in its own JVM (no peer: the published method
 * runs on a GPU). Then the same network's training step (batch 16 of 48², median of 30 steps, pair
 * sampling included) and its refinement of that scan against PyTorch CPU (bench/thick_peer.py, the
 * network only), all with the bench's threads ({@link ChildProcess}).
 */
public final class ThickBench implements BenchSection {
    static final int FACTOR = 5;
    static final Path SOURCE = Path.of("/usr/share/mricron/templates/ch2bet.nii.gz");

    @Override
    public String name() {
        return "thick";
    }

    @Override
    public List<BenchRow> run(PrintStream log, BenchOptions o) throws Exception {
        if (!Files.isRegularFile(SOURCE)) {
            throw new IOException(SOURCE + " missing: apt-get install mricron-data");
        }
        Path dir = Files.createTempDirectory("mrisr-bench-thick");
        try {
            Volume fine = NiftiReader.read(SOURCE);
            int nz = fine.nz() - fine.nz() % FACTOR;
            Volume thick = new SliceProfile(SliceProfile.Shape.GAUSSIAN, FACTOR)
                    .thickSlices(fine.crop(0, 0, 0, fine.nx(), fine.ny(), nz), 2, FACTOR);
            Path scan = dir.resolve("thick.nii.gz");
            NiftiWriter.write(thick, scan);
            String shape = thick.nx() + "x" + thick.ny() + "x" + thick.nz();
            List<BenchRow> rows = new ArrayList<>();

            log.println("bench thick: ./mrisr thick-slice on " + shape + " at 1x1x5 mm, default settings (minutes) ...");
            JsonObject job = java(o, "job", scan.toString(), dir.resolve("iso.nii.gz").toString());
            String item = "thick-slice " + shape + " 5 mm -> 1 mm";
            rows.add(row(o, item + " wall", "s", job.get("seconds").getAsDouble(), Double.NaN, null));
            rows.add(row(o, item + " peak RSS", "MiB", job.get("peakRssMb").getAsDouble(), Double.NaN, null));

            log.println("bench thick: training step (batch 16, 48x48) ...");
            JsonObject step = java(o, "step", scan.toString(), "30");
            JsonObject peerStep = PythonPeer.run(o.threads(), "thick_peer.py", "step", "30", String.valueOf(o.threads()));
            String peerName = "pytorch " + peerStep.get("torch").getAsString();
            rows.add(row(o, "training step b16 48x48 C32 D8", "s", step.get("seconds").getAsDouble(),
                    peerStep.get("seconds").getAsDouble(), peerName));

            log.println("bench thick: refinement of the " + shape + " scan (2 orientations) ...");
            JsonObject refine = java(o, "refine", scan.toString(), "1");
            JsonObject peerRefine = PythonPeer.run(o.threads(), "thick_peer.py", "refine", "1", String.valueOf(o.threads()),
                    String.valueOf(thick.nx()), String.valueOf(thick.ny()), String.valueOf(thick.nz()), String.valueOf(FACTOR));
            rows.add(row(o, "refine " + shape + " x5 (network: peer)", "s", refine.get("seconds").getAsDouble(),
                    peerRefine.get("seconds").getAsDouble(), peerName));
            rows.add(row(o, "refine " + shape + " x5 peak RSS", "MiB", refine.get("peakRssMb").getAsDouble(),
                    peerRefine.get("peakRssMb").getAsDouble(), peerName));
            return rows;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A thick figure: one run per side, each a child process with the bench's threads. */
    private static BenchRow row(BenchOptions o, String item, String unit, double mrisr, double peer, String peerName) {
        return BenchRow.of("thick", item, unit, Stats.of(mrisr), Double.isNaN(peer) ? Stats.NONE : Stats.of(peer), peerName,
                false, o.threads());
    }

    private static JsonObject java(BenchOptions o, String... args) throws IOException, InterruptedException {
        return WorkerJvm.run(o.threads(), ThickBenchWorker.class, args);
    }
}
