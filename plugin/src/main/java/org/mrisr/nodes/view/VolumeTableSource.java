package org.mrisr.nodes.view;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataTableHolder;

/**
 * A node model whose last output table its view shows. The table is the model's internal table: KNIME
 * saves it with the workflow and hands it back through {@link #setInternalTables} when the workflow is
 * reopened, so the view shows the volumes again without re-executing the node.
 */
public interface VolumeTableSource extends BufferedDataTableHolder {
    /** The table with volume columns to show, or null before execution (or after reset). */
    BufferedDataTable viewTable();

    /** Replaces the table to show (null: none). */
    void setViewTable(BufferedDataTable table);

    @Override
    default BufferedDataTable[] getInternalTables() {
        BufferedDataTable t = viewTable();
        return t == null ? new BufferedDataTable[0] : new BufferedDataTable[] {t};
    }

    @Override
    default void setInternalTables(final BufferedDataTable[] tables) {
        setViewTable(tables != null && tables.length > 0 ? tables[0] : null);
    }
}
