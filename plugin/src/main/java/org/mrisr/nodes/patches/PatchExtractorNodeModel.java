package org.mrisr.nodes.patches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.ops.Zoom;
import org.mrisr.engine.patch.Patch;
import org.mrisr.engine.patch.PatchGrid;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.common.RowContext;
import org.mrisr.nodes.common.RowLoop;
import org.mrisr.nodes.common.SettingsNodeModel;
import org.mrisr.nodes.common.VolumeCells;
import org.mrisr.nodes.common.VolumeColumns;

/**
 * Cuts matching HR/LR patch pairs from each row (engine {@link PatchGrid}): one output row per
 * pair, keyed {@code <source row>#<patch index>}. A row whose volumes do not fit the grid fails the
 * node with a message naming the row, since a training set silently missing volumes is worse.
 */
final class PatchExtractorNodeModel extends SettingsNodeModel<PatchExtractorSettings> {
    static final String COL_HR = "HR patch";
    static final String COL_LR = "LR patch";

    PatchExtractorNodeModel() {
        super(1, 1, new PatchExtractorSettings());
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
        int hr = VolumeColumns.volumeColumn(spec, settings().hrColumn.getStringValue(), "HR volume column");
        int lr = VolumeColumns.volumeColumn(spec, settings().lrColumn.getStringValue(), "LR volume column");
        VolumeColumns.requireDistinct(spec, hr, lr, "HR and LR column",
            "choose the degraded volumes (e.g. from the Degrade node) as LR column");
        return new int[] {hr, lr};
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        settings().validateValues();
        columns(inSpecs[0]);
        return new DataTableSpec[] {outSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        int[] col = columns(inData[0].getDataTableSpec());
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        VolumeCells cells = new VolumeCells(exec);
        List<String> skipped = new ArrayList<>();
        NonFiniteVoxels cleaner = NonFiniteVoxels.of(settings().nonFinite);
        String[] names = {inData[0].getDataTableSpec().getColumnSpec(col[0]).getName(),
            inData[0].getDataTableSpec().getColumnSpec(col[1]).getName()};
        RowLoop.forEach(inData[0], exec, row -> {
            if (!addPatches(row, col, names, cleaner, out, cells, exec)) {
                skipped.add(row.key());
            }
        });
        out.close();
        String warning = NodeWarnings.join(cleaner.warning(),
            skipped.isEmpty() ? null : skipped.size() + " row(s) without an HR or LR volume were skipped");
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new BufferedDataTable[] {out.getTable()};
    }

    /** Adds the row's patch pairs to {@code out}; false when the row has no HR or LR volume (skipped). */
    private boolean addPatches(final RowContext row, final int[] col, final String[] names,
        final NonFiniteVoxels cleaner, final BufferedDataContainer out, final VolumeCells cells,
        final ExecutionContext exec) throws Exception {
        DataCell hc = row.row().getCell(col[0]);
        DataCell lc = row.row().getCell(col[1]);
        if (hc.isMissing() || lc.isMissing()) {
            return false;
        }
        String key = row.key();
        int r = settings().factor.getIntValue();
        Volume hr = cleaner.apply(((VolumeValue)hc).getVolume(), key, names[0]);
        Volume lr = cleaner.apply(((VolumeValue)lc).getVolume(), key, names[1]);
        int[] expected = Zoom.outputShape(hr.shape(), new double[] {1.0 / r});
        if (!Arrays.equals(expected, lr.shape())) {
            throw new InvalidSettingsException("Row " + key + ": LR volume " + dims(lr.shape())
                + " is not the HR volume " + dims(hr.shape()) + " downsampled by " + r + " (expected " + dims(expected)
                + "); set the factor to the one used in the Degrade node");
        }
        BrainMask mask = BrainMask.fromIntensity(hr);
        PatchGrid grid;
        try {
            grid = PatchGrid.of(hr.shape(), settings().patch(), settings().stride(), r)
                .withForeground(mask, settings().foreground.getDoubleValue());
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Row " + key + " (" + dims(hr.shape()) + "): " + e.getMessage(), e);
        }
        List<Patch> patches = settings().shuffle.getBooleanValue()
            ? grid.shuffled(settings().seed.getIntValue() + row.index()) : grid.patches();
        int max = settings().maxPerVolume.getIntValue();
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
        return true;
    }

    private static String dims(final int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }
}
