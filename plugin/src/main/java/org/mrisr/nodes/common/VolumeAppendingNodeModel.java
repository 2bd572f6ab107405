package org.mrisr.nodes.common;

import java.util.concurrent.CancellationException;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.NonFinite;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;

/**
 * A node that appends one volume column computed row by row from a volume column of its input table
 * (Degrade, Interpolate, SR Predictor). A node states only what differs: its settings, the source
 * column and the appended column's name, extra checks of its inputs, and the per-row engine call with
 * its warning text ({@link RowJob}). The base does the rest: the first volume column as default source,
 * the output spec, progress "row r/R (key)" and cancel ({@link RowLoop}), the node's non-finite voxel
 * option applied to every source volume before the job sees it ({@link NonFiniteVoxels}), a missing
 * cell for a missing input, and for a row the engine refuses a missing cell plus one node warning naming
 * the rows and the engine's reasons, so one bad volume does not fail a batch. No appended volume holds a
 * non-finite voxel (one that would is a fault of the job: the row fails as the job's failures do). The
 * output is the view's table.
 *
 * @param <S> the node's settings
 */
public abstract class VolumeAppendingNodeModel<S extends NodeSettingsGroup> extends VolumeTableNodeModel<S> {
    /**
     * One execution's per-row work, made by {@link #prepare} for that execution only: whatever it holds
     * (a loaded model, warnings collected on the way) is dropped with the run and never shared.
     */
    @FunctionalInterface
    public interface RowJob {
        /** The appended volume for a row whose source volume is present. */
        Volume apply(Volume in, RowContext row) throws Exception;

        /** Whether this failure of {@link #apply} refuses only the row (missing cell) instead of failing the node. */
        default boolean refusesRow(final Throwable failure) {
            return failure instanceof InvalidInputException;
        }

        /** The node warning, given the summary of the refused rows (null: none); null for no warning. */
        default String warning(final String refusedRows) {
            return refusedRows;
        }
    }

    private final SettingsModelString sourceColumn;
    private final String sourceRole;
    private final SettingsModelString appendedName;
    private final SettingsModelString nonFinite;

    /** A node whose only input is the volume table; see the other constructor. */
    protected VolumeAppendingNodeModel(final S settings, final SettingsModelString sourceColumn,
        final String sourceRole, final SettingsModelString appendedName, final SettingsModelString nonFinite) {
        this(new PortType[] {BufferedDataTable.TYPE}, settings, sourceColumn, sourceRole, appendedName, nonFinite);
    }

    /**
     * @param in the input ports; the volume table is the last one
     * @param sourceColumn the option naming the volume column each row is computed from
     * @param sourceRole that option's label, for messages ("LR volume column")
     * @param appendedName the option naming the appended column (made unique against the input's names)
     * @param nonFinite the node's option "Non-finite voxels" ({@link NonFiniteVoxels#model()})
     */
    protected VolumeAppendingNodeModel(final PortType[] in, final S settings, final SettingsModelString sourceColumn,
        final String sourceRole, final SettingsModelString appendedName, final SettingsModelString nonFinite) {
        super(in, settings);
        this.sourceColumn = sourceColumn;
        this.sourceRole = sourceRole;
        this.appendedName = appendedName;
        this.nonFinite = nonFinite;
    }

    /** Checks of the inputs beyond the source column (other columns, other ports), in configure. */
    protected void checkInputs(final PortObjectSpec[] in, final DataTableSpec table) throws InvalidSettingsException {
    }

    /** The work of one execution; {@code table} is the volume table, {@code in} all inputs. */
    protected abstract RowJob prepare(PortObject[] in, BufferedDataTable table) throws Exception;

    @Override
    protected final DataTableSpec configureTable(final PortObjectSpec[] in) throws InvalidSettingsException {
        DataTableSpec table = (DataTableSpec)in[in.length - 1];
        defaultToFirstColumn(sourceColumn, table, VolumeValue.class, sourceRole);
        settings().validateValues();
        NonFiniteVoxels.policy(nonFinite);
        VolumeColumns.volumeColumn(table, sourceColumn.getStringValue(), sourceRole);
        checkInputs(in, table);
        return outSpec(table);
    }

    @Override
    protected final BufferedDataTable executeTable(final PortObject[] in, final ExecutionContext exec)
        throws Exception {
        BufferedDataTable table = (BufferedDataTable)in[in.length - 1];
        DataTableSpec spec = table.getDataTableSpec();
        int source = VolumeColumns.volumeColumn(spec, sourceColumn.getStringValue(), sourceRole);
        String sourceName = spec.getColumnSpec(source).getName();
        NonFiniteVoxels cleaner = NonFiniteVoxels.of(nonFinite);
        RowJob job = prepare(in, table);
        BufferedDataContainer out = exec.createDataContainer(outSpec(spec));
        VolumeCells cells = new VolumeCells(exec);
        RowFailures refused = new RowFailures();
        RowLoop.forEach(table, exec, row -> {
            DataCell src = row.row().getCell(source);
            Volume result = src.isMissing() ? null
                : applyOrRefuse(job, cleaner.apply(((VolumeValue)src).getVolume(), row.key(), sourceName), row, refused);
            out.addRowToTable(row.append(result == null ? DataType.getMissingCell() : cells.create(result)));
        });
        out.close();
        String warning = NodeWarnings.join(cleaner.warning(), job.warning(refused.summary("gave a missing cell")));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return out.getTable();
    }

    private DataTableSpec outSpec(final DataTableSpec in) {
        return VolumeColumns.append(in, appendedName.getStringValue(), VolumeCell.TYPE);
    }

    /** The job's volume for this row, or null when the job refuses the row (recorded in {@code refused}). */
    private Volume applyOrRefuse(final RowJob job, final Volume src, final RowContext row,
        final RowFailures refused) throws Exception {
        try {
            Volume v = job.apply(src, row);
            NonFinite.requireFinite(v, "row " + row.key());
            return v;
        } catch (Exception | OutOfMemoryError e) {
            if (isCancel(e) || !job.refusesRow(e)) {
                throw e;
            }
            if (e instanceof InvalidInputException) {
                refused.add(row.key(), e.getMessage());
            } else {
                getLogger().warn("Row " + row.key() + " failed", e);
                refused.add(row.key(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return null;
        }
    }

    private static boolean isCancel(final Throwable t) {
        return t instanceof CancellationException || t instanceof CanceledExecutionException;
    }
}
