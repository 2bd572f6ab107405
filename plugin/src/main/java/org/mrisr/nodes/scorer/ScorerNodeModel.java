package org.mrisr.nodes.scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.metrics.Summary;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.common.RowFailures;
import org.mrisr.nodes.common.RowLoop;
import org.mrisr.nodes.common.SettingsNodeModel;
import org.mrisr.nodes.common.VolumeColumns;

/**
 * Scores test volumes against reference volumes row by row (PSNR, SSIM, MSE, NRMSE, MAE from the
 * engine's {@link VolumeScorer}) and summarises each metric over the rows. A row the engine refuses
 * (shape mismatch, constant volume...) gets missing scores and a warning, and is left out of the
 * summary.
 */
final class ScorerNodeModel extends SettingsNodeModel<ScorerSettings> {
    /** Metric names, in column and summary-row order. */
    static final List<String> METRICS = List.of("PSNR", "SSIM", "MSE", "NRMSE", "MAE");
    private static final List<ToDoubleFunction<VolumeScores>> GETTERS =
        List.of(VolumeScores::psnr, VolumeScores::ssim, VolumeScores::mse, VolumeScores::nrmse, VolumeScores::mae);

    ScorerNodeModel() {
        super(1, 2, new ScorerSettings());
    }

    static DataTableSpec scoresSpec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (String m : METRICS) {
            cols.add(new DataColumnSpecCreator(m, DoubleCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator("Data range", DoubleCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("Mask voxels", LongCell.TYPE).createSpec());
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    static DataTableSpec summarySpec() {
        return new DataTableSpec(new DataColumnSpecCreator("Count", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Mean", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Std", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Min", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Max", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Median", DoubleCell.TYPE).createSpec());
    }

    /** Column indices {reference, test, mask or -1}; checks names and types. */
    private int[] columns(final DataTableSpec spec) throws InvalidSettingsException {
        int ref = VolumeColumns.volumeColumn(spec, settings().referenceColumn.getStringValue(), "Reference column");
        int test = VolumeColumns.volumeColumn(spec, settings().testColumn.getStringValue(), "Test column");
        VolumeColumns.requireDistinct(spec, ref, test, "Reference and test column",
            "choose the column to evaluate (e.g. the super-resolved or interpolated volumes) as test column");
        int mask = -1;
        if (ScorerSettings.MASK_COLUMN.equals(settings().maskSource.getStringValue())) {
            mask = VolumeColumns.volumeColumn(spec, settings().maskColumn.getStringValue(), "Mask column");
        }
        return new int[] {ref, test, mask};
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().validateValues();
        columns(inSpecs[0]);
        return new DataTableSpec[] {scoresSpec(), summarySpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        BufferedDataTable in = inData[0];
        int[] col = columns(in.getDataTableSpec());
        VolumeScorer scorer = new VolumeScorer(settings().ssimWindow(), settings().rangePolicy(),
            settings().maskModeValue(), Runtime.getRuntime().availableProcessors());
        boolean autoMask = ScorerSettings.MASK_AUTO.equals(settings().maskSource.getStringValue());
        boolean headBox = settings().headBox();
        BufferedDataContainer scores = exec.createDataContainer(scoresSpec());
        String[] names = new String[3];
        for (int k = 0; k < 3; k++) {
            names[k] = col[k] < 0 ? "brain mask" : in.getDataTableSpec().getColumnSpec(col[k]).getName();
        }
        List<VolumeScores> ok = new ArrayList<>();
        RowFailures failures = new RowFailures();
        NonFiniteVoxels cleaner = NonFiniteVoxels.of(settings().nonFinite);
        RowLoop.forEach(in, exec, row -> {
            DataCell[] cells = new DataCell[METRICS.size() + 2];
            Arrays.fill(cells, DataType.getMissingCell());
            VolumeScores s = score(scorer, autoMask, headBox, col, names, row.row(), cleaner, failures);
            if (s != null) {
                ok.add(s);
                for (int k = 0; k < GETTERS.size(); k++) {
                    cells[k] = new DoubleCell(GETTERS.get(k).applyAsDouble(s));
                }
                cells[METRICS.size()] = new DoubleCell(s.dataRange());
                cells[METRICS.size() + 1] = new LongCell(s.maskVoxels());
            }
            scores.addRowToTable(new DefaultRow(row.row().getKey(), cells));
        });
        scores.close();
        BufferedDataContainer summary = exec.createDataContainer(summarySpec());
        for (int k = 0; k < METRICS.size(); k++) {
            double[] v = ok.stream().mapToDouble(GETTERS.get(k)).filter(x -> !Double.isNaN(x)).toArray();
            DataCell[] cells = new DataCell[6];
            Arrays.fill(cells, DataType.getMissingCell());
            cells[0] = new IntCell(v.length);
            if (v.length > 0) {
                Summary s = Summary.of(v);
                cells[1] = new DoubleCell(s.mean());
                cells[2] = new DoubleCell(s.std());
                cells[3] = new DoubleCell(s.min());
                cells[4] = new DoubleCell(s.max());
                cells[5] = new DoubleCell(s.median());
            }
            summary.addRowToTable(new DefaultRow(METRICS.get(k), cells));
        }
        summary.close();
        String warning = NodeWarnings.join(cleaner.warning(), failures.summary("not scored"), undefined(ok));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new BufferedDataTable[] {scores.getTable(), summary.getTable()};
    }

    /** Why some scores are not numbers (NRMSE against an all-zero reference), or null when all are. */
    private static String undefined(final List<VolumeScores> scores) {
        long n = scores.stream().filter(s -> Double.isNaN(s.nrmse())).count();
        return n == 0 ? null : "NRMSE is NaN in " + n + " row(s): the reference is 0 in the whole scored region";
    }

    /**
     * The row's scores, or null when it cannot be scored (recorded in {@code failures}); errors name
     * the columns ({@code names}: reference, test, mask).
     */
    private static VolumeScores score(final VolumeScorer scorer, final boolean autoMask, final boolean headBox, final int[] col,
        final String[] names, final DataRow row, final NonFiniteVoxels cleaner, final RowFailures failures) {
        String key = row.getKey().getString();
        DataCell r = row.getCell(col[0]);
        DataCell t = row.getCell(col[1]);
        DataCell m = col[2] < 0 ? null : row.getCell(col[2]);
        if (r.isMissing() || t.isMissing() || (m != null && m.isMissing())) {
            failures.add(key, "missing volume");
            return null;
        }
        try {
            Volume ref = cleaner.apply(((VolumeValue)r).getVolume(), key, names[0]);
            Volume test = cleaner.apply(((VolumeValue)t).getVolume(), key, names[1]);
            Volume mask = m != null ? cleaner.apply(((VolumeValue)m).getVolume(), key, names[2])
                : autoMask ? BrainMask.fromIntensity(ref).toVolume(ref) : null;
            if (headBox && ref.sameShape(test) && (mask == null || mask.sameShape(ref))) {
                // evaluate's whole policy: the box of the reference's head or brain, the background around it
                // dropped (other shapes go to the engine unchanged, which names them)
                int[] b = BrainMask.fromIntensity(ref).boundingBox();
                ref = ref.crop(b[0], b[1], b[2], b[3], b[4], b[5]);
                test = test.crop(b[0], b[1], b[2], b[3], b[4], b[5]);
                mask = mask == null ? null : mask.crop(b[0], b[1], b[2], b[3], b[4], b[5]);
            }
            return scorer.score(ref, names[0], test, names[1], mask, names[2]);
        } catch (InvalidInputException e) {
            failures.add(key, e.getMessage());
            return null;
        }
    }
}
