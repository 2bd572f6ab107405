package org.mrisr.nodes.learner;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.nodes.common.VolumeColumns;

/**
 * The columns of a patch table the learner reads: HR patch, LR patch and the optional source
 * column (normalisation groups), checked against the table's spec.
 *
 * @param hr    HR patch column index
 * @param lr    LR patch column index
 * @param group source column index, −1 when none is set (one normalisation group for the table)
 */
record PatchColumns(int hr, int lr, int group) {
    static final String TRAINING = "Training table";
    static final String VALIDATION = "Validation table";

    /** The configured columns in {@code spec}; {@code what} names the table in messages. */
    static PatchColumns of(final DataTableSpec spec, final SrganLearnerSettings settings, final String what)
        throws InvalidSettingsException {
        int hr = VolumeColumns.volumeColumn(spec, settings.hrColumn.getStringValue(), what + ": HR patch column");
        int lr = VolumeColumns.volumeColumn(spec, settings.lrColumn.getStringValue(), what + ": LR patch column");
        if (hr == lr) {
            throw new InvalidSettingsException(what + ": HR and LR patch column are both '" + spec.getColumnSpec(hr).getName()
                + "'; choose the Patch Extractor's 'HR patch' and 'LR patch' columns");
        }
        String g = settings.groupColumn.getStringValue();
        int group = g.isBlank() ? -1 : VolumeColumns.column(spec, g, what + ": source column", StringValue.class, "string",
            "use the Patch Extractor's 'Source row' column, or leave the option empty to normalise with the table's maximum");
        return new PatchColumns(hr, lr, group);
    }

    /** The source column's name, null when there is none. */
    String groupName(final DataTableSpec spec) {
        return group < 0 ? null : spec.getColumnSpec(group).getName();
    }
}
