package org.mrisr.nodes.learner;

import java.util.ArrayList;
import java.util.List;

/**
 * The learner's step records, appended on the training thread and read by the learning monitor
 * (Swing thread) through {@link #snapshot()}; the stop flag goes the other way.
 */
final class TrainingHistory {
    /** One completed step; {@code validationMse} is NaN where no validation ran. */
    record Entry(long step, long totalSteps, int epoch, int epochs, boolean pretraining, double dLoss,
        double adversarial, double mse, double gdl, double gLoss, double lrG, double lrD, double seconds,
        double etaSeconds, double validationMse) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private volatile boolean stopRequested;
    private volatile boolean running;

    synchronized void add(final Entry e) {
        entries.add(e);
    }

    synchronized void clear() {
        entries.clear();
        stopRequested = false;
    }

    synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }

    /** Ends training after the step in progress, keeping the model (the monitor's stop button). */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void setRunning(final boolean r) {
        running = r;
    }

    boolean running() {
        return running;
    }
}
