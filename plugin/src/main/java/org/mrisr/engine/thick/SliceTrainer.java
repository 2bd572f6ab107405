package org.mrisr.engine.thick;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mrisr.engine.nn.Adam;
import org.mrisr.engine.nn.Workspaces;
import org.mrisr.engine.volume.Volume;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link SliceNet} on one scan's in-plane pairs ({@link InPlanePairs}) with Adam and the
 * mean squared error, each step's activations in one workspace (bounded memory). Stops at the step
 * or time budget, or after the step during which {@code stop} turned true; the network keeps what it
 * learnt so far either way.
 */
final class SliceTrainer {
    private static final String WORKSPACE = "mrisr-thick-train";
    /** Final learning rate as a share of the initial one. */
    private static final double LR_FLOOR = 0.01;

    private SliceTrainer() {
    }

    /** What training did. */
    record Outcome(long steps, double seconds, double loss, boolean stopped) {
    }

    static Outcome train(SliceNet net, Volume normalisedScan, ThickGeometry g, SliceProfile profile, TrainingSettings s,
            Consumer<TrainingReport> progress, BooleanSupplier stop) {
        InPlanePairs pairs = new InPlanePairs(normalisedScan, g.axis(), g.factor(), profile, s.patch(), s.seed() + 1);
        Adam adam = new Adam(net.trainable(), s.learningRate());
        long start = System.nanoTime();
        long step = 0;
        double loss = Double.NaN;
        double fraction = 0;
        boolean stopped = false;
        int p = pairs.patch();
        try {
            while (step < s.steps() && (s.seconds() <= 0 || seconds(start) < s.seconds())) {
                if (stop != null && stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                adam.setLearningRate(s.learningRate() * (LR_FLOOR + (1 - LR_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * fraction))));
                InPlanePairs.Batch b = pairs.next(s.batch());
                try (MemoryWorkspace ws = Workspaces.open(WORKSPACE)) {
                    net.zeroGrad();
                    INDArray x = Nd4j.create(b.input(), new long[] {b.count(), p, p, 1}, 'c');
                    INDArray y = Nd4j.create(b.target(), new long[] {b.count(), p, p, 1}, 'c');
                    INDArray diff = net.forward(x, true).subi(y);
                    loss = diff.norm2Number().doubleValue();
                    loss = loss * loss / diff.length();
                    net.backward(diff.muli(2.0 / diff.length()));
                    adam.step();
                }
                step++;
                double t = seconds(start);
                fraction = Math.min(1, Math.max((double) step / s.steps(), s.seconds() > 0 ? t / s.seconds() : 0));
                if (progress != null) {
                    progress.accept(new TrainingReport(step, s.steps(), loss, t, fraction, t / fraction * (1 - fraction)));
                }
            }
        } finally {
            Workspaces.destroy(WORKSPACE);
        }
        return new Outcome(step, seconds(start), loss, stopped);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
