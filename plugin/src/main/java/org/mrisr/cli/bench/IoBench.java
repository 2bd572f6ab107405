package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;

/**
 * NIfTI read and write of {@code ch2better.nii.gz} (301×370×316 uint8, 0.5 mm) against nibabel
 * in the same run. MB/s counts decoded voxel data as float32 (voxels × 4 bytes, 1 MB = 10^6 bytes)
 * per second: read is file → float32 volume, write is float32 volume → .nii.gz at gzip level 1
 * (nibabel's default; mrisr compresses blocks on all cores, nibabel on one). Medians of 5 runs after
 * warm-up, on both sides; the file is in the page cache after the first read. Another file can be chosen with {@code -Dmrisr.bench.io.file}.
 */
public final class IoBench implements BenchSection {
    private static final String DEFAULT_FILE = "/usr/share/mricron/templates/ch2better.nii.gz";
    private static final int REPS = 5;

    @Override
    public String name() {
        return "io";
    }

    @Override
    public List<BenchRow> run(PrintStream log) throws Exception {
        Path file = Path.of(System.getProperty("mrisr.bench.io.file", DEFAULT_FILE));
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " missing: apt-get install mricron-data (or set -Dmrisr.bench.io.file)");
        }
        Path dir = Files.createTempDirectory("mrisr-bench-io");
        try {
            log.println("io: mrisr reading and writing " + file.getFileName());
            Volume v = NiftiReader.read(file);
            double mb = v.size() * 4 / 1e6;
            Path out = dir.resolve("mrisr-write.nii.gz");
            double read = median(() -> NiftiReader.read(file));
            double write = median(() -> NiftiWriter.write(v, out));
            log.println("io: nibabel peer");
            JsonObject peer = PythonPeer.run("io_peer.py", file.toString(), dir.toString(), Integer.toString(REPS));
            String peerName = "nibabel " + peer.get("nibabel").getAsString();
            String what = file.getFileName() + " (" + v.nx() + "x" + v.ny() + "x" + v.nz() + ", float32 MB/s)";
            return List.of(
                    new BenchRow("io", "read " + what, "MB/s", mb / read, peer.get("read_mbps").getAsDouble(), peerName, true),
                    new BenchRow("io", "write " + what.replace(".nii.gz (", ".nii.gz gzip-1 ("), "MB/s", mb / write,
                            peer.get("write_mbps").getAsDouble(), peerName, true));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A timed action. */
    private interface Action {
        void run() throws Exception;
    }

    /** Median seconds of REPS runs after two warm-ups (the JIT compiles the decode loops). */
    private static double median(Action a) throws Exception {
        a.run();
        a.run();
        double[] t = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            long t0 = System.nanoTime();
            a.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[REPS / 2];
    }
}
