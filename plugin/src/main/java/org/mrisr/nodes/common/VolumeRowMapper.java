package org.mrisr.nodes.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;

/**
 * Appends one volume column computed row by row from another (Degrade, Interpolate). A row whose
 * input is missing gets a missing cell; a row the engine refuses (bad input) gets a missing cell and
 * is reported in {@link Result#failures()}, so one bad volume does not fail a batch.
 */
public final class VolumeRowMapper {
    private VolumeRowMapper() {
    }

    /** The output table and one message per refused row ("Row3: problem"). */
    public record Result(BufferedDataTable table, List<String> failures) {
        /** A node warning summarising the failures, or null when there were none. */
        public String warning() {
            if (failures.isEmpty()) {
                return null;
            }
            return failures.size() + " row(s) gave a missing cell: " + String.join("; ", failures.subList(0, Math.min(3, failures.size())))
                + (failures.size() > 3 ? "; ..." : "");
        }
    }

    /** The per-row computation; {@code row} is the 0-based row index (seeds per row). */
    @FunctionalInterface
    public interface RowOp {
        Volume apply(Volume in, long row);
    }

    /** The input spec plus a volume column named {@code newName} (made unique). */
    public static DataTableSpec outSpec(final DataTableSpec in, final String newName) {
        return new DataTableSpec(in, new DataTableSpec(
            new DataColumnSpecCreator(VolumeColumns.unique(in, newName), VolumeCell.TYPE).createSpec()));
    }

    public static Result map(final BufferedDataTable in, final int column, final String newName,
        final RowOp op, final ExecutionContext exec) throws Exception {
        DataTableSpec spec = outSpec(in.getDataTableSpec(), newName);
        BufferedDataContainer out = exec.createDataContainer(spec);
        VolumeCells cells = new VolumeCells(exec);
        List<String> failures = new ArrayList<>();
        long n = in.size();
        long i = 0;
        for (DataRow row : in) {
            exec.checkCanceled();
            String key = row.getKey().getString();
            exec.setProgress(i / (double)Math.max(1, n), "row " + (i + 1) + "/" + n + " (" + key + ")");
            DataCell src = row.getCell(column);
            DataCell result;
            if (src.isMissing()) {
                result = DataType.getMissingCell();
            } else {
                try {
                    result = cells.create(op.apply(((VolumeValue)src).getVolume(), i));
                } catch (InvalidInputException e) {
                    failures.add(key + ": " + e.getMessage());
                    result = DataType.getMissingCell();
                }
            }
            out.addRowToTable(append(row, result));
            i++;
        }
        exec.setProgress(1.0);
        out.close();
        return new Result(out.getTable(), failures);
    }

    /** The row's cells followed by {@code extra}, same key. */
    public static DataRow append(final DataRow row, final DataCell... extra) {
        DataCell[] cells = new DataCell[row.getNumCells() + extra.length];
        for (int c = 0; c < row.getNumCells(); c++) {
            cells[c] = row.getCell(c);
        }
        System.arraycopy(extra, 0, cells, row.getNumCells(), extra.length);
        return new DefaultRow(row.getKey(), cells);
    }

}
