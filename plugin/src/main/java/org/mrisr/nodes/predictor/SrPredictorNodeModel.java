package org.mrisr.nodes.predictor;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
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
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.VolumeCells;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.common.VolumeRowMapper;
import org.mrisr.nodes.port.DefaultModels;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;
import org.mrisr.nodes.view.VolumeTableSource;

/**
 * Super-resolves each LR volume with an SRGAN model (engine {@link SrModel#predict}: whole-volume
 * normalisation, overlapping windows, blending) and appends the SR volume. Without a connected
 * model the model shipped for the chosen factor is used. A row the engine refuses gets a missing
 * cell and a warning; input warnings (voxel size, intensity profile unlike the training data) are
 * collected into the node warning.
 */
final class SrPredictorNodeModel extends NodeModel implements VolumeTableSource {
    /** Where the model comes from when none is connected: the shipped ones ({@link DefaultModels}). */
    interface DefaultModelSource {
        boolean available(int factor);

        SrModel load(int factor) throws IOException, InvalidSettingsException;

        DefaultModelSource SHIPPED = new DefaultModelSource() {
            @Override
            public boolean available(final int factor) {
                return DefaultModels.available(factor);
            }

            @Override
            public SrModel load(final int factor) throws IOException, InvalidSettingsException {
                return DefaultModels.load(factor);
            }
        };
    }

    private final SrPredictorSettings settings = new SrPredictorSettings();
    private final DefaultModelSource defaults;
    private BufferedDataTable lastTable;

    SrPredictorNodeModel() {
        this(DefaultModelSource.SHIPPED);
    }

    SrPredictorNodeModel(final DefaultModelSource defaults) {
        super(new PortType[] {SrganModelPortObject.TYPE_OPTIONAL, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE});
        this.defaults = defaults;
    }

    /** The last output (for the LR | SR | HR view), or null. */
    @Override
    public BufferedDataTable viewTable() {
        return lastTable;
    }

    @Override
    public void setViewTable(final BufferedDataTable table) {
        lastTable = table;
    }

    SrPredictorSettings settings() {
        return settings;
    }

    private int[] columns(final DataTableSpec spec) throws InvalidSettingsException {
        int lr = VolumeColumns.volumeColumn(spec, settings.lrColumn.getStringValue(), "LR volume column");
        int hr = settings.hrColumn.getStringValue().isBlank() ? -1
            : VolumeColumns.volumeColumn(spec, settings.hrColumn.getStringValue(), "HR column (view)");
        return new int[] {lr, hr};
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[1];
        if (settings.lrColumn.getStringValue().isEmpty()) {
            String first = VolumeColumns.firstVolumeColumn(in);
            if (first != null) {
                settings.lrColumn.setStringValue(first);
                setWarningMessage("LR volume column not set: using '" + first + "'");
            }
        }
        settings.validateValues();
        columns(in);
        if (!(inSpecs[0] instanceof SrganModelPortObjectSpec) && !defaults.available(settings.factor.getIntValue())) {
            throw DefaultModels.missing(settings.factor.getIntValue());
        }
        return new PortObjectSpec[] {VolumeRowMapper.outSpec(in, settings.outColumn.getStringValue())};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable in = (BufferedDataTable)inObjects[1];
        int[] col = columns(in.getDataTableSpec());
        PredictOptions options = settings.options();
        String backendWarning = SrganBackend.init();
        SrModel model = inObjects[0] != null ? ((SrganModelPortObject)inObjects[0]).model()
            : defaults.load(settings.factor.getIntValue());
        DataTableSpec spec = VolumeRowMapper.outSpec(in.getDataTableSpec(), settings.outColumn.getStringValue());
        BufferedDataContainer out = exec.createDataContainer(spec);
        VolumeCells cells = new VolumeCells(exec);
        List<String> failures = new ArrayList<>();
        Set<String> inputWarnings = new LinkedHashSet<>();
        long n = in.size();
        long i = 0;
        for (DataRow row : in) {
            exec.checkCanceled();
            String key = row.getKey().getString();
            ExecutionMonitor rowProgress = exec.createSubProgress(1.0 / Math.max(1, n));
            String prefix = "row " + (i + 1) + "/" + n + " (" + key + ")";
            rowProgress.setProgress(0, prefix);
            DataCell src = row.getCell(col[0]);
            DataCell result = DataType.getMissingCell();
            if (!src.isMissing()) {
                try {
                    Volume lr = ((VolumeValue)src).getVolume();
                    for (String w : model.inputWarnings(lr)) {
                        inputWarnings.add(key + ": " + w);
                    }
                    Volume sr = model.predict(lr, options, f -> rowProgress.setProgress(f, prefix), () -> {
                        try {
                            exec.checkCanceled();
                            return false;
                        } catch (CanceledExecutionException e) {
                            return true;
                        }
                    });
                    result = cells.create(sr);
                } catch (CancellationException e) {
                    throw new CanceledExecutionException("Prediction cancelled at " + prefix);
                } catch (InvalidInputException e) {
                    failures.add(key + ": " + e.getMessage());
                } catch (RuntimeException | OutOfMemoryError e) {
                    // one volume too large for memory (or another engine failure) must not lose the batch
                    getLogger().warn("SR Predictor: row " + key + " failed", e);
                    failures.add(key + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            out.addRowToTable(VolumeRowMapper.append(row, result));
            i++;
        }
        out.close();
        List<String> warnings = new ArrayList<>();
        if (backendWarning != null) {
            warnings.add(backendWarning);
        }
        if (!failures.isEmpty()) {
            warnings.add(new VolumeRowMapper.Result(null, failures).warning());
        }
        if (!inputWarnings.isEmpty()) {
            List<String> w = new ArrayList<>(inputWarnings);
            warnings.add("Input unlike the model's training data: " + String.join("; ", w.subList(0, Math.min(3, w.size())))
                + (w.size() > 3 ? "; ..." : ""));
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        lastTable = out.getTable();
        return new PortObject[] {lastTable};
    }

    @Override
    protected void reset() {
        lastTable = null;
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

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec) {
        // The view's table comes back through setInternalTables.
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) {
    }
}
