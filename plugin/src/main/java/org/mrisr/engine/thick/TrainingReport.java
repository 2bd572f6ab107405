package org.mrisr.engine.thick;

import java.util.Locale;

/**
 * Progress of per-scan training after one step.
 *
 * @param step       steps done
 * @param totalSteps the step budget
 * @param loss       mean squared error of this step's batch (normalised intensities)
 * @param seconds    training time so far
 * @param fraction   share of the budget used (steps or time, whichever is further along), 0..1
 * @param etaSeconds estimated training time left
 */
public record TrainingReport(long step, long totalSteps, double loss, double seconds, double fraction, double etaSeconds) {
    /** "4m05s", "1h02m", or "?" for an unknown time, as progress messages show durations. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
}
