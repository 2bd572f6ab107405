package org.mrisr.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.mrisr.engine.srgan.train.StepReport;

/**
 * Training progress on stderr: a redrawn line on a terminal, a plain line every ten seconds
 * otherwise (logs, CI), so redirected output stays readable.
 */
final class ProgressBar {
    private final PrintStream err;
    private final boolean terminal;
    private final String prefix;
    private final double budgetSeconds;
    private long lastPrint;
    private long firstStep = -1;

    ProgressBar(PrintStream err) {
        this(err, "", 0);
    }

    /** With a time budget (seconds &gt; 0) progress is time-based: training ends when it runs out. */
    ProgressBar(PrintStream err, String prefix, double budgetSeconds) {
        this.err = err;
        this.terminal = System.console() != null && err == System.err;
        this.prefix = prefix;
        this.budgetSeconds = budgetSeconds;
    }

    void update(StepReport r) {
        if (firstStep < 0) {
            firstStep = r.step() - 1; // a resumed run starts past 0: rates count this run's steps only
        }
        long now = System.nanoTime();
        boolean last = r.step() >= r.totalSteps();
        if (!terminal && !last && now - lastPrint < 10_000_000_000L && r.step() > 1) {
            return;
        }
        lastPrint = now;
        String line = prefix + (budgetSeconds > 0 ? formatTimed(r, budgetSeconds, firstStep) : format(r, firstStep));
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            if (last) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    void finish() {
        if (terminal) {
            err.println();
        }
    }

    static String format(StepReport r, long firstStep) {
        int width = 20;
        int done = (int) Math.round(r.progress() * width);
        String bar = "#".repeat(done) + ".".repeat(width - done);
        String losses = r.pretraining()
                ? String.format(Locale.ROOT, "pretrain · mse %.5f gdl %.5f", r.mse(), r.gdl())
                : String.format(Locale.ROOT, "D %.4f · G adv %.4f mse %.5f gdl %.5f", r.dLoss(), r.adversarial(), r.mse(), r.gdl());
        return String.format(Locale.ROOT, "step %d/%d [%s] %3.0f%% · %s · %.2f s/step · ETA %s", r.step(), r.totalSteps(),
                bar, 100 * r.progress(), losses, r.seconds() / Math.max(1, r.step() - firstStep), duration(r.etaSeconds()));
    }

    static String formatTimed(StepReport r, double budget, long firstStep) {
        int width = 20;
        double f = Math.min(1, r.seconds() / budget);
        int done = (int) Math.round(f * width);
        String losses = r.pretraining()
                ? String.format(Locale.ROOT, "mse %.5f gdl %.5f", r.mse(), r.gdl())
                : String.format(Locale.ROOT, "D %.4f · G adv %.4f mse %.5f gdl %.5f", r.dLoss(), r.adversarial(), r.mse(), r.gdl());
        return String.format(Locale.ROOT, "step %d [%s] %3.0f%% · %s · %.2f s/step · left %s", r.step(),
                "#".repeat(done) + ".".repeat(width - done), 100 * f, losses, r.seconds() / Math.max(1, r.step() - firstStep),
                duration(Math.max(0, budget - r.seconds())));
    }

    static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "?";
        }
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
}
