package org.mrisr.nodes.learner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.srgan.train.StepReport;
import org.mrisr.engine.srgan.train.Trainer;
import org.mrisr.engine.srgan.train.TrainingConfig;
import org.mrisr.engine.srgan.train.TrainingResult;
import org.mrisr.engine.srgan.train.WarmStart;
import org.mrisr.nodes.common.NodePaths;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Trains the paper's 3D SRGAN on a patch table: ports in = training patches, optional validation
 * patches, optional model to warm-start from; out = the model and the per-step training history.
 *
 * <p>Stopping: the learning monitor's stop button ends training after the current step and the node
 * succeeds with that model. KNIME's cancel also ends after the current step, but KNIME discards a
 * cancelled node's outputs, so the model (and a resumable checkpoint) is written to the checkpoint
 * folder when one is set, and the cancel message says where.
 */
final class SrganLearnerNodeModel extends NodeModel {
    static final String CHECKPOINT_FILE = "srgan-learner.ckpt";
    static final String CANCEL_MODEL_FILE = "srgan-learner-cancelled.mrisr";
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

    static DataTableSpec historySpec() {
        return new DataTableSpec(new DataColumnSpecCreator("Step", LongCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Epoch", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Pretraining", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("D loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G adversarial", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G MSE", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G GDL", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Learning rate G", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Learning rate D", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Seconds", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Validation MSE", DoubleCell.TYPE).createSpec());
    }

    /** Column indices {hr, lr, group (−1: none)} in a patch table. */
    private int[] columns(final DataTableSpec spec, final String what) throws InvalidSettingsException {
        int hr = VolumeColumns.volumeColumn(spec, settings.hrColumn.getStringValue(), what + ": HR patch column");
        int lr = VolumeColumns.volumeColumn(spec, settings.lrColumn.getStringValue(), what + ": LR patch column");
        if (hr == lr) {
            throw new InvalidSettingsException(what + ": HR and LR patch column are both '" + spec.getColumnSpec(hr).getName()
                + "'; choose the Patch Extractor's 'HR patch' and 'LR patch' columns");
        }
        String g = settings.groupColumn.getStringValue();
        int group = g.isBlank() ? -1 : VolumeColumns.column(spec, g, what + ": source column", StringValue.class, "string",
            "use the Patch Extractor's 'Source row' column, or leave the option empty to normalise with the table's maximum");
        return new int[] {hr, lr, group};
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        columns((DataTableSpec)inSpecs[0], "Training table");
        if (inSpecs[1] != null) {
            columns((DataTableSpec)inSpecs[1], "Validation table");
        }
        UpsamplingMethod method = settings.method();
        int r = settings.factor.getIntValue();
        if (inSpecs[2] instanceof SrganModelPortObjectSpec warm) {
            checkWarmStart(warm.factor(), warm.upsampling());
        }
        return new PortObjectSpec[] {new SrganModelPortObjectSpec(r, method, SrganModelPortObjectSpec.NORMALISATION,
            "not trained yet: " + (settings.epochs.getIntValue() > 0
                ? settings.epochs.getIntValue() + " epochs planned" : settings.steps.getIntValue() + " steps planned")), historySpec()};
    }

    private void checkWarmStart(final int factor, final UpsamplingMethod method) throws InvalidSettingsException {
        if (factor != settings.factor.getIntValue() || method != settings.method()) {
            throw new InvalidSettingsException("The warm-start model is x" + factor + " " + method.id()
                + " but the learner is set to x" + settings.factor.getIntValue() + " " + settings.method().id()
                + ": set factor and upsampling to the model's, or disconnect the model to train from scratch");
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
        history.clear();
        String backendWarning = SrganBackend.init();
        int r = settings.factor.getIntValue();
        UpsamplingMethod method = settings.method();
        TrainingConfig base = settings.config();
        BufferedDataTable train = (BufferedDataTable)in[0];
        int[] c = columns(train.getDataTableSpec(), "Training table");
        TablePatchSource source = TablePatchSource.read(train, c[0], c[1], c[2], r, base.seed(), "Training table",
            exec.createSubProgress(0.05));
        TrainingConfig config = base.withSteps(settings.steps(source.size()));
        TablePatchSource validation = null;
        if (in[1] != null) {
            BufferedDataTable v = (BufferedDataTable)in[1];
            int[] vc = columns(v.getDataTableSpec(), "Validation table");
            validation = TablePatchSource.read(v, vc[0], vc[1], vc[2], r, config.seed(), "Validation table",
                exec.createSubProgress(0.0));
            if (!Arrays.equals(validation.hrShape(), source.hrShape())) {
                throw new InvalidSettingsException("Validation patches " + dims(validation.hrShape())
                    + " differ from the training patches " + dims(source.hrShape()) + ": extract both with one patch size");
            }
        }
        int[] hr = source.hrShape();
        SrganModelPortObject warm = (SrganModelPortObject)in[2];
        // the paper's generator; a warm start keeps the architecture of the model it starts from
        // (the models shipped with mrisr add the global input skip)
        boolean inputSkip = warm != null && warm.model().config().inputSkip();
        Trainer trainer;
        try {
            trainer = new Trainer(GeneratorConfig.paper(r, method).withInputSkip(inputSkip), hr[0], hr[1], hr[2], config);
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Patches " + dims(hr) + ": " + e.getMessage(), e);
        }
        if (warm != null) {
            checkWarmStart(warm.getSpec().factor(), warm.getSpec().upsampling());
            WarmStart.copyGenerator(warm.model().generator(), trainer.generator(), "warm-start model");
        }
        Path folder = checkpointFolder();
        if (folder != null) {
            trainer.setCheckpointPath(folder.resolve(CHECKPOINT_FILE));
        }
        long steps = config.steps();
        // with the epochs option the last batch may reach into the next pass: still "epoch E/E"
        int epochs = settings.epochs.getIntValue() > 0 ? settings.epochs.getIntValue()
            : (int)Math.max(1, ceilDiv(steps * config.batchSize(), source.size()));
        ExecutionMonitor trainProgress = exec.createSubProgress(0.95);
        boolean[] knimeCancelled = {false};
        TablePatchSource val = validation;
        int every = settings.validationEvery.getIntValue();
        history.setRunning(true);
        TrainingResult result;
        try {
            result = trainer.train(source, report -> {
                int epoch = (int)Math.min(epochs, ceilDiv(report.step() * config.batchSize(), source.size()));
                double vmse = Double.NaN;
                if (val != null && (report.step() == steps || (every > 0 && report.step() % every == 0))) {
                    vmse = Validation.mse(trainer.generator(), val);
                }
                history.add(new TrainingHistory.Entry(report.step(), report.totalSteps(), epoch, epochs,
                    report.pretraining(), report.dLoss(), report.adversarial(), report.mse(), report.gdl(),
                    report.gLoss(), config.learningRateG(), config.learningRateD(), report.seconds(),
                    report.etaSeconds(), vmse));
                trainProgress.setProgress(report.progress(), message(epoch, epochs, report));
            }, () -> {
                try {
                    exec.checkCanceled();
                } catch (CanceledExecutionException e) {
                    knimeCancelled[0] = true;
                    return true;
                }
                return history.stopRequested();
            });
        } finally {
            history.setRunning(false);
        }
        List<TrainingHistory.Entry> done = history.snapshot();
        if (val != null && !done.isEmpty() && Double.isNaN(done.get(done.size() - 1).validationMse())) {
            // stopped before the last planned step: validate the model that is returned
            history.validateLast(Validation.mse(trainer.generator(), val));
        }
        SrModel model = new SrModel(trainer.generator(), info(trainer, result, source, warm != null, train.size()));
        if (knimeCancelled[0]) {
            throw new CanceledExecutionException(cancelledMessage(trainer, model, folder, result.completedSteps()));
        }
        List<String> warnings = new ArrayList<>();
        if (backendWarning != null) {
            warnings.add(backendWarning);
        }
        if (result.cancelled()) {
            warnings.add("Training stopped from the learning monitor after " + result.completedSteps() + " of " + steps
                + " steps; the model is the one after the last completed step");
        }
        if (folder != null) {
            trainer.saveCheckpoint(folder.resolve(CHECKPOINT_FILE));
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        return new PortObject[] {new SrganModelPortObject(model), historyTable(exec)};
    }

    /** Writes the cancelled run's model and checkpoint when a folder is set; says where (or that nothing was kept). */
    private static String cancelledMessage(final Trainer trainer, final SrModel model, final Path folder,
        final long steps) {
        if (folder == null) {
            return "Training cancelled after " + steps + " steps; no checkpoint folder is set, so the model was not kept"
                + " (set one to keep it on cancel, or use the learning monitor's stop button)";
        }
        try {
            Path m = folder.resolve(CANCEL_MODEL_FILE);
            model.save(m);
            trainer.saveCheckpoint(folder.resolve(CHECKPOINT_FILE));
            return "Training cancelled after " + steps + " steps; the model was saved to " + m
                + " (read it with the SRGAN Model Reader) and a resumable checkpoint to " + folder.resolve(CHECKPOINT_FILE);
        } catch (IOException e) {
            return "Training cancelled after " + steps + " steps; saving the model to " + folder + " failed: "
                + e.getMessage();
        }
    }

    private Path checkpointFolder() throws InvalidSettingsException, IOException {
        String f = settings.checkpointFolder.getStringValue();
        if (f.isBlank()) {
            return null;
        }
        Path p = NodePaths.resolve("Checkpoint folder", f);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new InvalidSettingsException("Checkpoint folder " + p + " cannot be created: " + e.getMessage()
                + "; choose a writable folder or clear the option", e);
        }
        return p;
    }

    static String message(final int epoch, final int epochs, final StepReport r) {
        return "epoch " + epoch + "/" + epochs + " \u00b7 step " + r.step() + "/" + r.totalSteps() + " \u00b7 ETA "
            + duration(r.etaSeconds());
    }

    static String duration(final double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        return (s / 3600) + "h " + ((s % 3600) / 60) + "m";
    }

    private static long ceilDiv(final long a, final long b) {
        return (a + b - 1) / b;
    }

    private static String dims(final int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    private ModelInfo info(final Trainer trainer, final TrainingResult r, final TablePatchSource source,
        final boolean warm, final long rows) {
        TrainingConfig cfg = trainer.config();
        JsonObject deg = new JsonObject();
        deg.addProperty("factor", settings.factor.getIntValue());
        deg.addProperty("pairs", "patch table (KNIME Patch Extractor): LR patches as given, not re-simulated");
        deg.addProperty("normalisation", "(x - m/2)/(m/2), m = max over the LR patches of the same source ("
            + (settings.groupColumn.getStringValue().isBlank() ? "whole table" : "column '"
                + settings.groupColumn.getStringValue() + "'") + ")");
        JsonObject tr = new JsonObject();
        tr.addProperty("completed_steps", r.completedSteps());
        tr.addProperty("planned_steps", cfg.steps());
        tr.addProperty("cancelled", r.cancelled());
        List<TrainingHistory.Entry> h = history.snapshot();
        tr.addProperty("seconds", h.isEmpty() ? 0 : h.get(h.size() - 1).seconds());
        JsonArray p = new JsonArray();
        for (int v : source.hrShape()) {
            p.add(v);
        }
        tr.add("hr_patch", p);
        tr.addProperty("batch", cfg.batchSize());
        tr.addProperty("lr_g", cfg.learningRateG());
        tr.addProperty("lr_d", cfg.learningRateD());
        tr.addProperty("adversarial_weight", cfg.adversarialWeight());
        tr.addProperty("mse_weight", cfg.mseWeight());
        tr.addProperty("gdl_weight", cfg.gdlWeight());
        tr.addProperty("pretrain_steps", cfg.pretrainSteps());
        tr.addProperty("labels", cfg.labels().name().toLowerCase(Locale.ROOT));
        tr.addProperty("augment", cfg.augment());
        tr.addProperty("warm_start", warm);
        tr.addProperty("patches", source.size());
        tr.addProperty("table_rows", rows);
        if (r.last() != null) {
            tr.addProperty("final_mse", r.last().mse());
            tr.addProperty("final_gdl", r.last().gdl());
            tr.addProperty("final_d_loss", r.last().dLoss());
            tr.addProperty("final_adversarial", r.last().adversarial());
        }
        if (!h.isEmpty() && !Double.isNaN(h.get(h.size() - 1).validationMse())) {
            tr.addProperty("final_validation_mse", h.get(h.size() - 1).validationMse());
        }
        float[] all = new float[source.size() * source.get(0).lr().length];
        for (int i = 0; i < source.size(); i++) {
            float[] lr = source.get(i).lr();
            System.arraycopy(lr, 0, all, i * lr.length, lr.length);
        }
        return new ModelInfo(deg, tr, cfg.seed(), source.lrVoxelSize(), InputCheck.meanNormalised(all));
    }

    private BufferedDataTable historyTable(final ExecutionContext exec) {
        BufferedDataContainer out = exec.createDataContainer(historySpec());
        for (TrainingHistory.Entry e : history.snapshot()) {
            out.addRowToTable(new DefaultRow("Step" + e.step(), new LongCell(e.step()), new IntCell(e.epoch()),
                new IntCell(e.pretraining() ? 1 : 0), num(e.dLoss()), num(e.adversarial()), num(e.mse()), num(e.gdl()),
                num(e.gLoss()), num(e.lrG()), num(e.lrD()), num(e.seconds()), num(e.validationMse())));
        }
        out.close();
        return out.getTable();
    }

    /** NaN (no D loss while pretraining, no validation) becomes a missing cell. */
    private static DataCell num(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
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
