package org.mrisr.cli.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.ShippedModels;
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
 * One srgan bench run in a fresh JVM ({@link WorkerJvm}), the same workloads as bench/srgan_peer.py;
 * prints {"seconds": ...} (and for {@code shipped} the network's GFLOP and method):
 * <ul>
 * <li>{@code train METHOD}: the second GAN step (batch 2, HR 64³, ×2; the first warms up);</li>
 * <li>{@code infer METHOD}: the second prediction of a 64³ LR volume as one window;</li>
 * <li>{@code volume METHOD}: one prediction of 112×112×76 with the default windows, no warm-up;</li>
 * <li>{@code shipped FACTOR EDGE}: one prediction of an EDGE³ LR volume with the shipped model for
 * FACTOR and the default windows, no warm-up.</li>
 * </ul>
 */
public final class SrganBenchWorker {
    private SrganBenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Random rnd = new Random(0);
        String json;
        if (mode.equals("shipped")) {
            Nd4jBackend.init(Nd4jBackend.Device.CPU);
            int factor = Integer.parseInt(args[1]);
            int edge = Integer.parseInt(args[2]);
            SrModel model = ShippedModels.load(factor)
                    .orElseThrow(() -> new IllegalStateException("no shipped model for x" + factor));
            double seconds = predict(model, intensities(rnd, edge, edge, edge), PredictOptions.defaults(), 1);
            json = String.format(Locale.ROOT, "{\"seconds\": %.4f, \"gflop\": %.3f, \"method\": \"%s\"}", seconds,
                    NetFlops.generator(model.config(), edge, edge, edge) / 1e9, model.config().method().id());
        } else {
            UpsamplingMethod method = UpsamplingMethod.parse(args[1]);
            double seconds = switch (mode) {
                case "train" -> trainStep(method, rnd);
                case "infer" -> predict(paperModel(method), intensities(rnd, 64, 64, 64),
                        new PredictOptions(64, 0, Blending.CONSTANT), 2);
                case "volume" -> predict(paperModel(method), intensities(rnd, 112, 112, 76), PredictOptions.defaults(), 1);
                default -> throw new IllegalArgumentException("mode must be train, infer, volume or shipped: " + mode);
            };
            json = String.format(Locale.ROOT, "{\"seconds\": %.4f}", seconds);
        }
        WorkerJvm.report(json);
    }

    /** Seconds of the second of two GAN steps on one fixed random pair. */
    private static double trainStep(UpsamplingMethod method, Random rnd) throws IOException {
        PatchPair p = new PatchPair(random(rnd, 32 * 32 * 32), random(rnd, 64 * 64 * 64), 32, 32, 32, 2);
        TrainingConfig tc = TrainingConfig.defaults().withSteps(2).withBatchSize(2).withAugment(false);
        Trainer t = new Trainer(GeneratorConfig.paper(2, method), DiscriminatorConfig.paper(64, 64, 64), tc);
        List<Double> ends = new ArrayList<>();
        t.train(i -> p, r -> ends.add(r.seconds()), null);
        return ends.get(1) - ends.get(0);
    }

    private static SrModel paperModel(UpsamplingMethod method) {
        return new SrModel(new Generator(GeneratorConfig.paper(2, method), 1), ModelInfo.empty(1));
    }

    /** Seconds of the last of {@code runs} predictions (the earlier ones warm up). */
    private static double predict(SrModel model, Volume lr, PredictOptions o, int runs) {
        double seconds = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            model.predict(lr, o);
            seconds = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    /** A volume of MR-like positive intensities (0..1000). */
    private static Volume intensities(Random r, int nx, int ny, int nz) {
        float[] v = random(r, nx * ny * nz);
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] + 1) * 500;
        }
        return new Volume(nx, ny, nz, v, Affine.identity());
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }
}
