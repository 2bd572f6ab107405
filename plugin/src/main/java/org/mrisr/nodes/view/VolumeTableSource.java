package org.mrisr.nodes.view;

import org.knime.core.node.BufferedDataTable;

/** A node model whose last output table the slice viewer shows. */
public interface VolumeTableSource {
    /** The table with volume columns to show, or null before execution (or after reset). */
    BufferedDataTable viewTable();
}
