package org.mrisr.nodes.thickslice;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.thick.ThickGeometry;
import org.mrisr.engine.thick.ThickSliceModel;
import org.mrisr.engine.thick.TrainingReport;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.common.RowContext;
import org.mrisr.nodes.common.RowFailures;
import org.mrisr.nodes.common.VolumeCells;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.view.VolumeTableSource;

/**
 * Per row: trains a network on the volume's own in-plane slices and refines its thick axis
 * ({@link ThickSliceModel}), appending the refined volume. Rows the engine refuses (an isotropic
 * volume, too few slices) get a missing cell and a warning. Cancel stops after the current training
 * step or chunk of images; KNIME then discards the output, but the rows finished so far are kept
 * ({@link FinishedRows}) and the next run with the same inputs and settings takes them over.
 */
final class ThickSliceNodeModel extends NodeModel implements VolumeTableSource {
    /** Share of a row's progress bar that training takes; refinement gets the rest. */
    static final double TRAINING_SHARE = 0.85;

    private final ThickSliceSettings settings = new ThickSliceSettings();
    private final FinishedRows finished = new FinishedRows();
    private BufferedDataTable lastTable;

    ThickSliceNodeModel() {
        super(1, 1);
    }

    ThickSliceSettings settings() {
        return settings;
    }

    /** Rows kept from a cancelled run (tests). */
    int keptRows() {
        return finished.size();
    }

    private int column(final DataTableSpec spec) throws InvalidSettingsException {
        return VolumeColumns.volumeColumn(spec, settings.column.getStringValue(), "Thick-slice volume column");
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        if (settings.column.getStringValue().isEmpty()) {
            List<String> volumes = VolumeColumns.compatible(inSpecs[0], VolumeValue.class);
            String first = volumes.isEmpty() ? null : volumes.get(0);
            if (first != null) {
                settings.column.setStringValue(first);
                setWarningMessage("Thick-slice volume column not set: using '" + first + "'");
            }
        }
        settings.validateValues();
        column(inSpecs[0]);
        return new DataTableSpec[] {VolumeColumns.append(inSpecs[0], settings.outColumn.getStringValue(), VolumeCell.TYPE)};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) throws Exception {
        BufferedDataTable in = inData[0];
        int col = column(in.getDataTableSpec());
        String backendWarning = SrganBackend.init();
        DataTableSpec spec = VolumeColumns.append(in.getDataTableSpec(), settings.outColumn.getStringValue(), VolumeCell.TYPE);
        BufferedDataContainer out = exec.createDataContainer(spec);
        VolumeCells cells = new VolumeCells(exec);
        RowFailures failures = new RowFailures();
        NonFiniteVoxels cleaner = NonFiniteVoxels.of(settings.nonFinite);
        String column = in.getDataTableSpec().getColumnSpec(col).getName();
        String fingerprint = settings.fingerprint();
        BooleanSupplier cancelled = () -> {
            try {
                exec.checkCanceled();
                return false;
            } catch (CanceledExecutionException e) {
                return true;
            }
        };
        long n = in.size();
        long i = 0;
        int reused = 0;
        for (DataRow row : in) {
            exec.checkCanceled();
            String key = row.getKey().getString();
            String prefix = "row " + (i + 1) + "/" + n;
            ExecutionMonitor rowProgress = exec.createSubProgress(1.0 / Math.max(1, n));
            rowProgress.setProgress(0, prefix + " (" + key + ")");
            DataCell src = row.getCell(col);
            DataCell result = DataType.getMissingCell();
            if (!src.isMissing()) {
                Volume scan = cleaner.apply(((VolumeValue)src).getVolume(), key, column);
                String rowId = FinishedRows.key(key, fingerprint, scan);
                Volume iso = finished.get(rowId);
                if (iso != null) {
                    reused++;
                } else {
                    try {
                        iso = refine(scan, key, prefix, rowProgress, cancelled);
                        finished.put(rowId, iso);
                    } catch (InvalidInputException e) {
                        failures.add(key, e.problem());
                    }
                }
                if (iso != null) {
                    result = cells.create(iso);
                }
            }
            out.addRowToTable(RowContext.append(row, result));
            i++;
        }
        out.close();
        finished.clear();
        List<String> warnings = new ArrayList<>();
        if (backendWarning != null) {
            warnings.add(backendWarning);
        }
        if (cleaner.warning() != null) {
            warnings.add(cleaner.warning());
        }
        if (failures.count() > 0) {
            warnings.add(failures.summary("gave a missing cell"));
        }
        if (reused > 0) {
            getLogger().info("Thick-Slice SR: " + reused + " row(s) taken from the cancelled run before");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        lastTable = out.getTable();
        return new BufferedDataTable[] {lastTable};
    }

    /** Trains on one volume and refines it; cancel ends with a message saying what is kept. */
    private Volume refine(final Volume scan, final String key, final String prefix, final ExecutionMonitor progress,
        final BooleanSupplier cancelled) throws InvalidSettingsException, CanceledExecutionException {
        ThickGeometry g = settings.geometry(scan, key);
        ThickSliceModel model = ThickSliceModel.train(scan, g, settings.shape(), settings.training(),
            r -> progress.setProgress(TRAINING_SHARE * r.fraction(), () -> message(prefix, r)), cancelled);
        if (model.training().stopped()) {
            throw cancelledAt(prefix + " (" + key + "), training step " + model.training().steps());
        }
        long start = System.nanoTime();
        try {
            return model.predict(scan, g, settings.inference(), f -> progress.setProgress(
                TRAINING_SHARE + (1 - TRAINING_SHARE) * f, () -> prefix + " \u00b7 refining " + Math.round(100 * f) + "% \u00b7 ETA "
                    + TrainingReport.duration(f > 0 ? (System.nanoTime() - start) / 1e9 / f * (1 - f) : Double.NaN)), cancelled);
        } catch (CancellationException e) {
            throw cancelledAt(prefix + " (" + key + ") while refining");
        }
    }

    private CanceledExecutionException cancelledAt(final String where) {
        int kept = finished.size();
        return new CanceledExecutionException("Cancelled at " + where + "; " + (kept == 0 ? "no row was finished"
            : kept + " finished row(s) are kept: executing again with the same input and settings continues from there"));
    }

    static String message(final String prefix, final TrainingReport r) {
        String total = r.totalSteps() >= Integer.MAX_VALUE ? "" : "/" + r.totalSteps();
        return prefix + " \u00b7 step " + r.step() + total + " \u00b7 ETA " + TrainingReport.duration(r.etaSeconds());
    }

    @Override
    public BufferedDataTable viewTable() {
        return lastTable;
    }

    @Override
    public void setViewTable(final BufferedDataTable table) {
        lastTable = table;
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
