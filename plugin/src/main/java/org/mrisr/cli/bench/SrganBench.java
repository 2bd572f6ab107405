package org.mrisr.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * {@code bench --only srgan}: GAN training step (batch 2, HR 64³, ×2) and inference (64³ LR) per
 * upsampling method, plus one whole-brain-sized prediction (112×112×76 → 224×224×152), against
 * the same networks in PyTorch CPU (bench/srgan_peer.py) with the same number of threads. Every
 * measurement runs in its own process (a JVM for mrisr, a Python for the peer) so peak RSS is its own.
 */
public final class SrganBench implements BenchSection {
    static final int THREADS = WorkerJvm.THREADS;
    static final String[] METHODS = {"resize-conv", "subpixel", "subpixel-nn"};

    @Override
    public String name() {
        return "srgan";
    }

    @Override
    public List<BenchRow> run(PrintStream log) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        for (String m : METHODS) {
            measure(rows, log, "train", m, 2, "GAN step b2 HR64 x2 " + m);
        }
        for (String m : METHODS) {
            measure(rows, log, "infer", m, 2, "inference LR64 " + m);
        }
        measure(rows, log, "volume", "resize-conv", 1, "predict 112x112x76->224x224x152 resize-conv");
        return rows;
    }

    private void measure(List<BenchRow> rows, PrintStream log, String mode, String method, int reps, String item)
            throws Exception {
        log.println("bench srgan: " + item + " ...");
        JsonObject ours = java(mode, method, reps);
        JsonObject peer = PythonPeer.run("srgan_peer.py", mode, method, String.valueOf(reps), String.valueOf(THREADS));
        String peerName = "pytorch " + peer.get("torch").getAsString();
        double s = ours.get("seconds").getAsDouble();
        double ps = peer.get("seconds").getAsDouble();
        if (mode.equals("infer")) {
            double voxels = 64.0 * 64 * 64;
            rows.add(new BenchRow("srgan", item, "LR voxels/s", voxels / s, voxels / ps, peerName, true));
        } else {
            rows.add(new BenchRow("srgan", item, "s", s, ps, peerName, false));
        }
        rows.add(new BenchRow("srgan", item + " peak RSS", "MB", ours.get("peakRssMb").getAsDouble(),
                peer.get("peakRssMb").getAsDouble(), peerName, false));
    }

    /** Runs {@link SrganBenchWorker} in a fresh JVM with this JVM's class path. */
    private static JsonObject java(String mode, String method, int reps) throws IOException, InterruptedException {
        return WorkerJvm.run(SrganBenchWorker.class, mode, method, String.valueOf(reps));
    }
}
