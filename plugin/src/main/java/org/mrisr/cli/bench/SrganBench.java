package org.mrisr.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

/**
 * {@code bench --only srgan}: per upsampling method the GAN training step (batch 2, HR 64³, ×2) and
 * inference (64³ LR, one window), one whole-brain-sized prediction (112×112×76 → 224×224×152), against
 * the same networks in PyTorch CPU (bench/srgan_peer.py); then the shipped ×4 model on 64³ against the
 * shipped ×2 model on 128³ (both → 256³, mrisr only: the issue-16 target is ×4 time / ×2 time ≤ 2).
 * Every run is its own child process ({@link ChildProcess}: same threads, same peak-RSS mechanism),
 * mrisr and peer interleaved ({@link Interleaved}); network rows carry GFLOP/s ({@link NetFlops}).
 */
public final class SrganBench implements BenchSection {
    static final String[] METHODS = {"resize-conv", "subpixel", "subpixel-nn"};
    static final String VOLUME_METHOD = "resize-conv";
    private static final double GIGA = 1e9;

    @Override
    public String name() {
        return "srgan";
    }

    @Override
    public List<BenchRow> run(PrintStream log, BenchOptions o) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        for (String m : METHODS) {
            double flop = NetFlops.ganStep(paper(m), DiscriminatorConfig.paper(64, 64, 64), 2, 32, 32, 32);
            rows.addAll(measure(o, log, "train", m, "GAN step b2 HR64 x2 " + m, flop));
        }
        for (String m : METHODS) {
            rows.addAll(measure(o, log, "infer", m, "inference LR64 " + m, NetFlops.generator(paper(m), 64, 64, 64)));
        }
        rows.addAll(measure(o, log, "volume", VOLUME_METHOD, "predict 112x112x76->224x224x152 " + VOLUME_METHOD,
                NetFlops.generator(paper(VOLUME_METHOD), 112, 112, 76)));
        rows.addAll(shipped(o, log));
        return rows;
    }

    private static GeneratorConfig paper(String method) {
        return GeneratorConfig.paper(2, UpsamplingMethod.parse(method));
    }

    /** Interleaved runs of one workload: its figure (s, or LR voxels/s for inference) and its peak RSS. */
    private static List<BenchRow> measure(BenchOptions o, PrintStream log, String mode, String method, String item,
            double flop) throws Exception {
        String[] peerName = {null};
        Interleaved.Result r = Interleaved.run(o.repeat(),
                () -> Interleaved.numbers(WorkerJvm.run(o.threads(), SrganBenchWorker.class, mode, method)), () -> {
                    JsonObject p = PythonPeer.run(o.threads(), "srgan_peer.py", mode, method, "1",
                            String.valueOf(o.threads()));
                    peerName[0] = "pytorch " + p.get("torch").getAsString();
                    return Interleaved.numbers(p);
                }, log, item);
        Stats s = r.mrisr("seconds");
        Stats ps = r.peer("seconds");
        BenchRow main;
        if (mode.equals("infer")) {
            double voxels = 64.0 * 64 * 64;
            main = BenchRow.of("srgan", item, "LR voxels/s", s.map(t -> voxels / t), ps.map(t -> voxels / t), peerName[0],
                    true, o.threads());
        } else {
            main = BenchRow.of("srgan", item, "s", s, ps, peerName[0], false, o.threads());
        }
        return List.of(main.withGflops(s.map(t -> flop / GIGA / t), ps.map(t -> flop / GIGA / t)),
                BenchRow.of("srgan", item + " peak RSS", "MiB", r.mrisr("peakRssMb"), r.peer("peakRssMb"), peerName[0],
                        false, o.threads()));
    }

    /**
     * The shipped ×4 model 64³ → 256³ and the shipped ×2 model 128³ → 256³, alternately (×4, ×2, ×4, ...;
     * {@link Interleaved}'s second side is the ×2 model here, not a peer), and their per-run time ratio.
     */
    private static List<BenchRow> shipped(BenchOptions o, PrintStream log) throws Exception {
        JsonObject[] last = new JsonObject[2];
        Interleaved.Result r = Interleaved.run(o.repeat(), () -> {
            last[0] = WorkerJvm.run(o.threads(), SrganBenchWorker.class, "shipped", "4", "64");
            return Interleaved.numbers(last[0]);
        }, () -> {
            last[1] = WorkerJvm.run(o.threads(), SrganBenchWorker.class, "shipped", "2", "128");
            return Interleaved.numbers(last[1]);
        }, log, "shipped x4 64^3 and x2 128^3 -> 256^3");
        List<BenchRow> rows = new ArrayList<>();
        String[] names = {"shipped x4 " + last[0].get("method").getAsString() + " 64^3->256^3",
            "shipped x2 " + last[1].get("method").getAsString() + " 128^3->256^3"};
        Stats[] seconds = {r.mrisr("seconds"), r.peer("seconds")};
        Stats[] rss = {r.mrisr("peakRssMb"), r.peer("peakRssMb")};
        for (int i = 0; i < 2; i++) {
            double flop = last[i].get("gflop").getAsDouble();
            rows.add(BenchRow.of("srgan", names[i], "s", seconds[i], Stats.NONE, null, false, o.threads())
                    .withGflops(seconds[i].map(t -> flop / t), Stats.NONE));
            rows.add(BenchRow.of("srgan", names[i] + " peak RSS", "MiB", rss[i], Stats.NONE, null, false, o.threads()));
        }
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < seconds[0].runs().size(); i++) {
            ratio.add(seconds[0].runs().get(i) / seconds[1].runs().get(i));
        }
        rows.add(BenchRow.of("srgan", "shipped time x4 / x2, same 256^3 output (target <= 2)", "ratio", new Stats(ratio),
                Stats.NONE, null, false, o.threads()));
        return rows;
    }
}
