package org.mrisr.nodes.patches;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.ops.Zoom;
import org.mrisr.engine.patch.Patch;
import org.mrisr.engine.patch.PatchGrid;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.VolumeCells;
import org.mrisr.nodes.common.VolumeColumns;

/**
 * Cuts matching HR/LR patch pairs from each row (engine {@link PatchGrid}): one output row per
 * pair, keyed {@code <source row>#<patch index>}. A row whose volumes do not fit the grid fails the
 * node with a message naming the row, since a training set silently missing volumes is worse.
 */
final class PatchExtractorNodeModel extends NodeModel {
    static final String COL_HR = "HR patch";
    static final String COL_LR = "LR patch";

    private final PatchExtractorSettings settings = new PatchExtractorSettings();

    PatchExtractorNodeModel() {
        super(1, 1);
    }

    static DataTableSpec outSpec() {
        return new DataTableSpec(new DataColumnSpecCreator(COL_HR, VolumeCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_LR, VolumeCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Source row", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Patch index", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Origin x", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Origin y", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Origin z", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Foreground fraction", DoubleCell.TYPE).createSpec());
    }

    private int[] columns(final DataTableSpec spec) throws InvalidSettingsException {
        int hr = VolumeColumns.volumeColumn(spec, settings.hrColumn.getStringValue(), "HR volume column");
        int lr = VolumeColumns.volumeColumn(spec, settings.lrColumn.getStringValue(), "LR volume column");
        if (hr == lr) {
            throw new InvalidSettingsException("HR and LR column are both '" + spec.getColumnSpec(hr).getName()
                + "': choose the degraded volumes (e.g. from the Degrade node) as LR column");
        }
        return new int[] {hr, lr};
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        columns(inSpecs[0]);
        return new DataTableSpec[] {outSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        int[] col = columns(inData[0].getDataTableSpec());
        int r = settings.factor.getIntValue();
        double minFg = settings.foreground.getDoubleValue();
        int max = settings.maxPerVolume.getIntValue();
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        VolumeCells cells = new VolumeCells(exec);
        long n = inData[0].size();
        long i = 0;
        int skipped = 0;
        for (DataRow row : inData[0]) {
            exec.checkCanceled();
            String key = row.getKey().getString();
            exec.setProgress(i / (double)Math.max(1, n), "patches of " + (i + 1) + "/" + n + " (" + key + ")");
            DataCell hc = row.getCell(col[0]);
            DataCell lc = row.getCell(col[1]);
            if (hc.isMissing() || lc.isMissing()) {
                skipped++;
                i++;
                continue;
            }
            Volume hr = ((VolumeValue)hc).getVolume();
            Volume lr = ((VolumeValue)lc).getVolume();
            int[] expected = Zoom.outputShape(hr.shape(), new double[] {1.0 / r});
            if (!Arrays.equals(expected, lr.shape())) {
                throw new InvalidSettingsException("Row " + key + ": LR volume " + dims(lr.shape()) + " is not the HR volume "
                    + dims(hr.shape()) + " downsampled by " + r + " (expected " + dims(expected)
                    + "); set the factor to the one used in the Degrade node");
            }
            BrainMask mask = BrainMask.fromIntensity(hr);
            PatchGrid grid;
            try {
                grid = PatchGrid.of(hr.shape(), settings.patch(), settings.stride(), r).withForeground(mask, minFg);
            } catch (InvalidInputException e) {
                throw new InvalidSettingsException("Row " + key + " (" + dims(hr.shape()) + "): " + e.getMessage(), e);
            }
            List<Patch> patches = settings.shuffle.getBooleanValue() ? grid.shuffled(settings.seed.getIntValue() + i)
                : grid.patches();
            if (max > 0 && patches.size() > max) {
                patches = patches.subList(0, max);
            }
            for (Patch p : patches) {
                exec.checkCanceled();
                double fg = mask.fraction(p.x0(), p.y0(), p.z0(), p.sx(), p.sy(), p.sz());
                out.addRowToTable(new DefaultRow(key + "#" + p.index(), cells.create(p.extract(hr)),
                    cells.create(p.extractLowRes(lr)), new StringCell(key), new IntCell(p.index()), new IntCell(p.x0()),
                    new IntCell(p.y0()), new IntCell(p.z0()), new DoubleCell(fg)));
            }
            i++;
        }
        out.close();
        if (skipped > 0) {
            setWarningMessage(skipped + " row(s) without an HR or LR volume were skipped");
        }
        return new BufferedDataTable[] {out.getTable()};
    }

    private static String dims(final int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    @Override
    protected void reset() {
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
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) {
    }
}
