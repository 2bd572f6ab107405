package org.mrisr.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.mrisr.cli.Main;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.thick.Inference;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.thick.ThickGeometry;
import org.mrisr.engine.thick.ThickSliceModel;
import org.mrisr.engine.thick.TrainingSettings;
import org.mrisr.engine.volume.Volume;

/**
 * One thick bench measurement in a fresh JVM ({@link WorkerJvm}), so its peak RSS is its own; prints
 * {"seconds": ...}:
 * <ul>
 * <li>{@code job SCAN OUT}: {@code ./mrisr thick-slice --in SCAN --out OUT} with the default settings, wall time;</li>
 * <li>{@code step SCAN REPS}: the median training step (default network and batch) over REPS steps after 3;</li>
 * <li>{@code refine SCAN 1}: refining SCAN (both orientations) with a network trained for one step.</li>
 * </ul>
 */
public final class ThickBenchWorker {
    private ThickBenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        double seconds;
        if (mode.equals("job")) {
            long t0 = System.nanoTime();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"thick-slice", "--in", args[1], "--out", args[2]},
                    new PrintStream(sink, true, StandardCharsets.UTF_8), System.err);
            if (code != 0) {
                throw new IllegalStateException("thick-slice exited " + code);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        } else {
            Nd4jBackend.init(Nd4jBackend.Device.CPU);
            Volume scan = NiftiReader.read(Path.of(args[1]));
            ThickGeometry g = ThickGeometry.detect(scan, null, null, null, args[1]);
            if (mode.equals("step")) {
                int reps = Integer.parseInt(args[2]);
                List<Double> times = new ArrayList<>();
                double[] prev = {0};
                ThickSliceModel.train(scan, g, SliceProfile.Shape.GAUSSIAN, TrainingSettings.defaults().withSteps(reps + 3), r -> {
                    if (r.step() > 3) {
                        times.add(r.seconds() - prev[0]);
                    }
                    prev[0] = r.seconds();
                }, null);
                Collections.sort(times);
                seconds = times.get(times.size() / 2);
            } else {
                ThickSliceModel m = ThickSliceModel.train(scan, g, SliceProfile.Shape.GAUSSIAN,
                        TrainingSettings.defaults().withSteps(1), null, null);
                long t0 = System.nanoTime();
                m.predict(scan, g, Inference.defaults(), null, null);
                seconds = (System.nanoTime() - t0) / 1e9;
            }
        }
        WorkerJvm.report(String.format(Locale.ROOT, "{\"seconds\": %.4f}", seconds));
    }
}
