package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;

/**
 * NIfTI read and write of {@code ch2better.nii.gz} (301×370×316 uint8, 0.5 mm) against nibabel, runs
 * interleaved (mrisr read+write, nibabel read+write, ...). MB/s counts decoded voxel data as float32
 * (voxels × 4 bytes, 1 MB = 10^6 bytes) per second: read is file → float32 volume, write is float32
 * volume → .nii.gz at gzip level 1 (nibabel's default). mrisr runs in this JVM after two warm-up rounds
 * (the JIT compiles the decode loops) with its compute pool pinned to the bench's threads (it compresses
 * blocks in parallel); each nibabel run is a fresh {@code bench/io_peer.py} that warms up once, and its
 * gzip uses one thread whatever the setting. The file is in the page cache after the first read. Another
 * file can be chosen with {@code -Dmrisr.bench.io.file}.
 */
public final class IoBench implements BenchSection {
    private static final String DEFAULT_FILE = "/usr/share/mricron/templates/ch2better.nii.gz";

    @Override
    public String name() {
        return "io";
    }

    @Override
    public List<BenchRow> run(PrintStream log, BenchOptions o) throws Exception {
        Path file = Path.of(System.getProperty("mrisr.bench.io.file", DEFAULT_FILE));
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " missing: apt-get install mricron-data (or set -Dmrisr.bench.io.file)");
        }
        Path dir = Files.createTempDirectory("mrisr-bench-io");
        try {
            return InProcess.pinned(o.threads(), () -> measure(file, dir, log, o));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<BenchRow> measure(Path file, Path dir, PrintStream log, BenchOptions o) throws Exception {
        Volume v = NiftiReader.read(file);
        double mb = v.size() * 4 / 1e6;
        Path out = dir.resolve("mrisr-write.nii.gz");
        for (int i = 0; i < 2; i++) {
            NiftiWriter.write(NiftiReader.read(file), out);
        }
        String[] peerName = {null};
        Interleaved.Result r = Interleaved.run(o.repeat(),
                () -> Map.of("read_s", InProcess.seconds(() -> NiftiReader.read(file)), "write_s",
                        InProcess.seconds(() -> NiftiWriter.write(v, out))),
                () -> {
                    JsonObject p = PythonPeer.run(o.threads(), "io_peer.py", file.toString(), dir.toString(), "1");
                    peerName[0] = "nibabel " + p.get("nibabel").getAsString();
                    return Interleaved.numbers(p);
                }, log, "io " + file.getFileName());
        String what = file.getFileName() + " (" + v.nx() + "x" + v.ny() + "x" + v.nz() + ", float32 MB/s)";
        return List.of(
                BenchRow.of("io", "read " + what, "MB/s", r.mrisr("read_s").map(t -> mb / t),
                        r.peer("read_s").map(t -> mb / t), peerName[0], true, o.threads()),
                BenchRow.of("io", "write " + what.replace(".nii.gz (", ".nii.gz gzip-1 ("), "MB/s",
                        r.mrisr("write_s").map(t -> mb / t), r.peer("write_s").map(t -> mb / t), peerName[0], true,
                        o.threads()));
    }
}
