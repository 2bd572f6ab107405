package org.mrisr.nodes.learner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final String HEADER = "step\ttotal\tepoch\tepochs\tpretraining\td_loss\tadversarial\tmse\tgdl"
        + "\tg_loss\tlr_g\tlr_d\tseconds\teta\tvalidation_mse";

    /** Writes the entries as tab-separated text (the node's internals, so the monitor survives a reload). */
    synchronized void write(final Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Entry e : entries) {
            lines.add(e.step() + "\t" + e.totalSteps() + "\t" + e.epoch() + "\t" + e.epochs() + "\t" + e.pretraining()
                + "\t" + e.dLoss() + "\t" + e.adversarial() + "\t" + e.mse() + "\t" + e.gdl() + "\t" + e.gLoss() + "\t"
                + e.lrG() + "\t" + e.lrD() + "\t" + e.seconds() + "\t" + e.etaSeconds() + "\t" + e.validationMse());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Replaces the entries by those {@link #write} wrote; a file of another layout is refused. */
    synchronized void read(final Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a training history written by this SRGAN Learner");
        }
        List<Entry> read = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            try {
                read.add(new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                    Double.parseDouble(f[12]), Double.parseDouble(f[13]), Double.parseDouble(f[14])));
            } catch (RuntimeException e) {
                throw new IOException(file + ", line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        entries.clear();
        entries.addAll(read);
    }

    synchronized void add(final Entry e) {
        entries.add(e);
    }

    /** Sets the validation MSE of the last entry (training stopped before a scheduled validation). */
    synchronized void validateLast(final double validationMse) {
        if (!entries.isEmpty()) {
            Entry e = entries.get(entries.size() - 1);
            entries.set(entries.size() - 1, new Entry(e.step(), e.totalSteps(), e.epoch(), e.epochs(), e.pretraining(),
                e.dLoss(), e.adversarial(), e.mse(), e.gdl(), e.gLoss(), e.lrG(), e.lrD(), e.seconds(), e.etaSeconds(),
                validationMse));
        }
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
