package org.mrisr.engine.srgan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Profiling harness (a main, not a test): the memory and time of GAN steps at the bench's size (batch
 * 2, HR 64³, ×2, random pair, no augmentation). Args: method, steps, pre-training steps. Prints per step
 * the seconds, the peak RSS during it (VmHWM, reset through /proc/self/clear_refs before the step), RSS
 * after it and the step workspaces' sizes; at the end anonymous and file RSS and the Java heap. Run it
 * with ./mrisr's JVM options (-Xmn64m, ParallelGC) for figures comparable with the bench.
 */
public final class StepMemoryProbe {
    private StepMemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
        UpsamplingMethod method = UpsamplingMethod.parse(args[0]);
        int steps = Integer.parseInt(args[1]);
        Random rnd = new Random(0);
        PatchPair p = new PatchPair(random(rnd, 32 * 32 * 32), random(rnd, 64 * 64 * 64), 32, 32, 32, 2);
        TrainingConfig tc = TrainingConfig.defaults().withSteps(steps).withBatchSize(2).withAugment(false)
                .withPretrainSteps(Long.parseLong(args[2]));
        Trainer t = new Trainer(GeneratorConfig.paper(2, method), DiscriminatorConfig.paper(64, 64, 64), tc);
        for (int s = 0; s < steps; s++) {
            resetPeak();
            long t0 = System.nanoTime();
            t.step(i -> p);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s step %d: %.2f s, peak RSS %d MB, RSS %d MB, ws %s%n", method.id(), s,
                    secs, kb("VmHWM") / 1024, kb("VmRSS") / 1024, workspaces());
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RssAnon %d MB, RssFile %d MB, heap committed %d MB used %d MB%n",
                kb("RssAnon") / 1024, kb("RssFile") / 1024, rt.totalMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static String workspaces() {
        StringBuilder sb = new StringBuilder();
        // Trainer's step workspace and the discriminator passes' one inside it
        for (String id : new String[] {"mrisr-train", "mrisr-train-d"}) {
            if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(id)) {
                MemoryWorkspace w = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id);
                sb.append(id).append('=').append(w.getCurrentSize() >> 20).append("MB ");
            }
        }
        return sb.toString().trim();
    }

    private static void resetPeak() throws IOException {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    }

    private static long kb(String key) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith(key + ":")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }
}
