package org.mrisr.nodes.learner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.engine.srgan.train.GivenPairsIntensityAugmentation;
import org.mrisr.engine.srgan.train.IntensityAugmentation;
import org.mrisr.engine.srgan.train.StepReport;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.srgan.train.TrainingData;
import org.mrisr.engine.srgan.train.TrainingJob;
import org.mrisr.engine.srgan.train.Validation;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;

/**
 * Trains the paper's 3D SRGAN on a patch table: ports in = training patches, optional validation
 * patches, optional model to warm-start from; out = the model and the per-step training history.
 *
 * <p>The node states the lifecycle and delegates: the patch table becomes the engine's training
 * data ({@link TablePatchSource}), settings and ports become the engine's spec ({@link LearnerSpec},
 * {@link EpochPlan}, {@link WarmStartPort}, {@link CheckpointFolder}), and the engine's
 * {@link TrainingJob} trains, validates and writes the model's record, as for {@code ./mrisr train}.
 * Steps go to the history and the progress bar ({@link LearnerProgress}); stopping and cancelling
 * are {@link Cancellation}'s.
 */
final class SrganLearnerNodeModel extends NodeModel {
    static final String HISTORY_FILE = "training-history.tsv";

    private final SrganLearnerSettings settings = new SrganLearnerSettings();
    private final TrainingHistory history = new TrainingHistory();

    SrganLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL, SrganModelPortObject.TYPE_OPTIONAL},
            new PortType[] {SrganModelPortObject.TYPE, BufferedDataTable.TYPE});
    }

    TrainingHistory history() {
        return history;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        PatchColumns.of((DataTableSpec)inSpecs[0], settings, PatchColumns.TRAINING);
        if (inSpecs[1] != null) {
            PatchColumns.of((DataTableSpec)inSpecs[1], settings, PatchColumns.VALIDATION);
        }
        if (inSpecs[2] instanceof SrganModelPortObjectSpec warm) {
            WarmStartPort.check(warm.factor(), warm.upsampling(), settings);
        }
        int epochs = settings.epochs.getIntValue();
        String planned = epochs > 0 ? epochs + " epochs planned" : settings.steps.getIntValue() + " steps planned";
        return new PortObjectSpec[] {new SrganModelPortObjectSpec(settings.factor.getIntValue(), settings.method(),
            SrganModelPortObjectSpec.NORMALISATION, "not trained yet: " + planned), HistoryTable.spec()};
    }

    /**
     * The table's pairs with the intensity option: scale and LR noise only, the changes that stay exact
     * for pairs not degraded again; the table is normalised with half-max on the LR maximum m, so
     * offset/scale = 1 and m/scale = 2.
     */
    private TrainingData augmented(final TablePatchSource data, final long seed) {
        IntensityAugmentation aug = settings.intensity();
        return aug.enabled() ? new GivenPairsIntensityAugmentation(data, aug, seed, 1, 2) : data;
    }

    @Override
    protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
        history.clear();
        String backendWarning = SrganBackend.init();
        TrainingConfig base = settings.config();
        BufferedDataTable train = (BufferedDataTable)in[0];
        TablePatchSource data = TablePatchSource.read(train,
            PatchColumns.of(train.getDataTableSpec(), settings, PatchColumns.TRAINING), settings.factor.getIntValue(),
            base.seed(), PatchColumns.TRAINING, exec.createSubProgress(0.05));
        EpochPlan plan = EpochPlan.of(settings.epochs.getIntValue(), base.steps(), base.batchSize(), data.size());
        TrainingConfig config = base.withSteps(plan.steps());
        Validation validation = LearnerSpec.validation((BufferedDataTable)in[1], settings, config.seed(), data.hrShape(),
            exec.createSubProgress(0.0));
        Path folder = CheckpointFolder.resolve(settings.checkpointFolder.getStringValue());
        TrainingJob.Spec spec = LearnerSpec.of(settings, config, data.hrShape(), (SrganModelPortObject)in[2], validation,
            folder);

        Cancellation cancel = new Cancellation(exec, history);
        TrainingJob.Result result;
        history.setRunning(true);
        try {
            result = TrainingJob.run(augmented(data, config.seed()), spec, new LearnerProgress(history, plan, config, exec.createSubProgress(0.95)),
                cancel);
        } finally {
            history.setRunning(false);
        }
        StepReport last = result.training().last();
        if (last != null && !Double.isNaN(last.validation())) {
            // the engine scores the returned weights when training stops between validations, after the
            // listener heard of that step: the history gets that score too
            history.validateLast(last.validation());
        }
        long steps = result.training().completedSteps();
        if (cancel.knimeCancelled()) {
            throw Cancellation.cancelled(result.model(), folder, steps);
        }
        List<String> warnings = new ArrayList<>();
        if (backendWarning != null) {
            warnings.add(backendWarning);
        }
        if (result.training().cancelled()) {
            warnings.add("Training stopped from the learning monitor after " + steps + " of " + config.steps()
                + " steps; the model is the one after the last completed step");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        return new PortObject[] {new SrganModelPortObject(result.model()), HistoryTable.of(history, exec)};
    }

    @Override
    protected void reset() {
        history.clear();
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO s) {
        settings.save(s);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.load(s);
    }

    /** The monitor's curves after a workflow is reopened (KNIME keeps the outputs, not the model's fields). */
    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec) throws IOException {
        Path f = dir.toPath().resolve(HISTORY_FILE);
        if (Files.exists(f)) {
            history.read(f);
        }
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) throws IOException {
        history.write(dir.toPath().resolve(HISTORY_FILE));
    }
}
