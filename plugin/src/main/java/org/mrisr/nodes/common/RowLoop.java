package org.mrisr.nodes.common;

import java.util.concurrent.CancellationException;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * The row loop of the nodes that work row by row: a cancel check before each row, progress
 * "row r/R (key)", and each row's share of the progress for the engine. An engine call that stops on
 * cancel ({@link CancellationException}) ends the loop as KNIME's cancel.
 */
public final class RowLoop {
    private RowLoop() {
    }

    /** The work for one row. */
    @FunctionalInterface
    public interface Body {
        void accept(RowContext row) throws Exception;
    }

    public static void forEach(final BufferedDataTable table, final ExecutionMonitor exec, final Body body)
        throws Exception {
        long n = table.size();
        double share = 1.0 / Math.max(1, n);
        long i = 0;
        for (DataRow row : table) {
            exec.checkCanceled();
            String label = "row " + (i + 1) + "/" + n + " (" + row.getKey().getString() + ")";
            exec.setProgress(i * share, label);
            try {
                body.accept(new RowContext(row, i, label, exec.createSubProgress(share)));
            } catch (CancellationException e) {
                throw new CanceledExecutionException("Cancelled at " + label);
            }
            i++;
        }
        exec.setProgress(1.0);
    }
}
