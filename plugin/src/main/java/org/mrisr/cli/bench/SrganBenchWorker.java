package org.mrisr.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.PatchPair;
import org.mrisr.engine.srgan.train.Trainer;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * One srgan bench measurement in a fresh JVM, so its peak RSS is its own:
 * {@code train|infer|volume METHOD REPS}; prints {"seconds": median, "peakRssMb": VmHWM}.
 * Same workloads as bench/srgan_peer.py.
 */
public final class SrganBenchWorker {
    private SrganBenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        UpsamplingMethod method = UpsamplingMethod.parse(args[1]);
        int reps = Integer.parseInt(args[2]);
        List<Double> times = new ArrayList<>();
        Random rnd = new Random(0);
        if (mode.equals("train")) {
            float[] lr = random(rnd, 32 * 32 * 32);
            float[] hr = random(rnd, 64 * 64 * 64);
            PatchPair p = new PatchPair(lr, hr, 32, 32, 32, 2);
            TrainingConfig tc = TrainingConfig.defaults().withSteps(reps + 1).withBatchSize(2).withAugment(false);
            Trainer t = new Trainer(GeneratorConfig.paper(2, method), DiscriminatorConfig.paper(64, 64, 64), tc);
            double[] prev = {0};
            t.train(i -> p, r -> {
                if (r.step() > 1) {
                    times.add(r.seconds() - prev[0]);
                }
                prev[0] = r.seconds();
            }, null);
        } else {
            int[] s = mode.equals("infer") ? new int[] {64, 64, 64} : new int[] {112, 112, 76};
            float[] v = random(rnd, s[0] * s[1] * s[2]);
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] + 1) * 500;
            }
            Volume vol = new Volume(s[0], s[1], s[2], v, Affine.identity());
            Generator g = new Generator(GeneratorConfig.paper(2, method), 1);
            // inference: one window of the whole 64³ volume; the whole-brain case uses the default window
            PredictOptions o = mode.equals("infer") ? new PredictOptions(64, 0, Blending.CONSTANT)
                    : PredictOptions.defaults();
            SrModel pred = new SrModel(g, ModelInfo.empty(1));
            int runs = mode.equals("infer") ? reps + 1 : 1;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                pred.predict(vol, o);
                if (i > 0 || runs == 1) {
                    times.add((System.nanoTime() - t0) / 1e9);
                }
            }
        }
        Collections.sort(times);
        System.out.println(String.format(Locale.ROOT, "{\"seconds\": %.4f, \"peakRssMb\": %.1f}",
                times.get(times.size() / 2), peakRssMb()));
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }

    static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
