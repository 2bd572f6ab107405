package org.mrisr.engine.srgan.train;

/**
 * What one completed training step reports.
 *
 * @param step         steps completed so far (1-based)
 * @param totalSteps   steps planned
 * @param pretraining  true while only the MSE trains G (D and adversarial losses are NaN then)
 * @param dLoss        discriminator loss 0.5·(D(HR) − t_real)² + 0.5·(D(SR) − t_fake)² (batch means)
 * @param adversarial  generator adversarial term before weighting
 * @param mse          MSE(HR, SR)
 * @param gdl          gradient difference loss
 * @param gLoss        α·adversarial + w_mse·mse + w_gdl·gdl
 * @param validation   validation MSE after this step ({@link Validation}), NaN when not validated at this step
 * @param seconds      wall time of this run so far
 * @param etaSeconds   estimated seconds to the last step
 */
public record StepReport(long step, long totalSteps, boolean pretraining, double dLoss, double adversarial,
        double mse, double gdl, double gLoss, double validation, double seconds, double etaSeconds) {

    /** Fraction of the planned steps done, in [0, 1]. */
    public double progress() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }

    /** This report with its validation MSE. */
    public StepReport withValidation(double mse) {
        return new StepReport(step, totalSteps, pretraining, dLoss, adversarial, this.mse, gdl, gLoss, mse, seconds,
                etaSeconds);
    }
}
