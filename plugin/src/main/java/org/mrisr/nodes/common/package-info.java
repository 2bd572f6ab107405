/**
 * What the node packages share. Node bases, each adding to the one before: {@code SettingsNodeModel}
 * (settings saved, validated and loaded through the node's {@code NodeSettingsGroup}; no internals),
 * {@code VolumeTableNodeModel} (one output table, kept for the view once execution completes) and
 * {@code VolumeAppendingNodeModel} (a volume column appended row by row: a node gives only its
 * settings, columns and per-row engine call). For nodes with other outputs: {@code RowLoop} (progress
 * "row r/R (key)" and cancel), {@code RowFailures} and {@code NodeWarnings} (refused rows in one
 * warning), {@code VolumeColumns} (column look-ups), {@code VolumeCells}, {@code NodePaths}.
 */
package org.mrisr.nodes.common;
