package org.mrisr.nodes.common;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * One input row as {@link RowLoop} hands it over: the row, its 0-based index (per-row seeds), the
 * progress label "row r/R (key)", and the row's share of the node's progress and cancel for engine
 * calls that report progress ({@code DoubleConsumer}) and poll for cancel ({@code BooleanSupplier}).
 */
public final class RowContext {
    private final DataRow row;
    private final long index;
    private final String label;
    private final ExecutionMonitor share;

    RowContext(final DataRow row, final long index, final String label, final ExecutionMonitor share) {
        this.row = row;
        this.index = index;
        this.label = label;
        this.share = share;
    }

    public DataRow row() {
        return row;
    }

    public String key() {
        return row.getKey().getString();
    }

    public long index() {
        return index;
    }

    /** "row r/R (key)", as shown in the progress. */
    public String label() {
        return label;
    }

    /** Progress within this row, 0..1 (for the engine's progress callback). */
    public void progress(final double fraction) {
        share.setProgress(fraction, label);
    }

    /** Whether the user cancelled (for the engine's cancel poll). */
    public boolean cancelled() {
        try {
            share.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** The row's cells followed by {@code extra}, same key. */
    public DataRow append(final DataCell... extra) {
        return append(row, extra);
    }

    /** {@code row}'s cells followed by {@code extra}, same key. */
    public static DataRow append(final DataRow row, final DataCell... extra) {
        DataCell[] cells = new DataCell[row.getNumCells() + extra.length];
        for (int c = 0; c < row.getNumCells(); c++) {
            cells[c] = row.getCell(c);
        }
        System.arraycopy(extra, 0, cells, row.getNumCells(), extra.length);
        return new DefaultRow(row.getKey(), cells);
    }
}
