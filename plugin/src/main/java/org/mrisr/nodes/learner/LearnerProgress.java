package org.mrisr.nodes.learner;

import org.knime.core.node.ExecutionMonitor;
import org.mrisr.engine.srgan.train.StepReport;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.srgan.train.TrainingListener;

/** Hears each training step: records it in the history (the monitor's curves) and reports KNIME progress. */
final class LearnerProgress implements TrainingListener {
    private final TrainingHistory history;
    private final EpochPlan plan;
    private final TrainingConfig config;
    private final ExecutionMonitor progress;

    LearnerProgress(final TrainingHistory history, final EpochPlan plan, final TrainingConfig config,
        final ExecutionMonitor progress) {
        this.history = history;
        this.plan = plan;
        this.config = config;
        this.progress = progress;
    }

    @Override
    public void onStep(final StepReport r) {
        history.add(new TrainingHistory.Entry(r.step(), r.totalSteps(), plan.epochOf(r.step()), plan.epochs(),
            r.pretraining(), r.dLoss(), r.adversarial(), r.mse(), r.gdl(), r.gLoss(), config.learningRateG(),
            config.learningRateD(), r.seconds(), r.etaSeconds(), r.validation()));
        progress.setProgress(r.progress(), plan.message(r));
    }
}
