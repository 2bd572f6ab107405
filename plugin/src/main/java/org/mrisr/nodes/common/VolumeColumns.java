package org.mrisr.nodes.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.nodes.cell.VolumeValue;

/** Column look-ups for configure, with errors that say what the table has and what to do. */
public final class VolumeColumns {
    private VolumeColumns() {
    }

    /** Names of the columns compatible with {@code value}. */
    public static List<String> compatible(final DataTableSpec spec, final Class<? extends DataValue> value) {
        List<String> names = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            if (c.getType().isCompatible(value)) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /**
     * The index of the volume column {@code name} (option {@code role}, e.g. "Reference column").
     *
     * @throws InvalidSettingsException when the name is unset, absent or not a volume column
     */
    public static int volumeColumn(final DataTableSpec spec, final String name, final String role)
        throws InvalidSettingsException {
        return column(spec, name, role, VolumeValue.class, "volume",
            "read volumes with the NIfTI Reader node first");
    }

    /**
     * Refuses two options that name the same column ({@code both}: "HR and LR column"); {@code hint} says
     * which column to choose instead.
     */
    public static void requireDistinct(final DataTableSpec spec, final int a, final int b, final String both,
        final String hint) throws InvalidSettingsException {
        if (a == b) {
            throw new InvalidSettingsException(both + " are both '" + spec.getColumnSpec(a).getName() + "': " + hint);
        }
    }

    /** Like {@link #volumeColumn} for any value type; {@code kind} names it in messages ("string"). */
    public static int column(final DataTableSpec spec, final String name, final String role,
        final Class<? extends DataValue> value, final String kind, final String hint) throws InvalidSettingsException {
        List<String> ok = compatible(spec, value);
        if (name == null || name.isEmpty()) {
            throw new InvalidSettingsException(role + " is not set: choose one of the input's " + kind + " columns "
                + describe(ok) + " in the node dialog" + (ok.isEmpty() ? " (" + hint + ")" : ""));
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException(role + ": the input table has no column '" + name + "'; its " + kind
                + " columns are " + describe(ok) + (ok.isEmpty() ? " (" + hint + ")" : ""));
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(value)) {
            throw new InvalidSettingsException(role + ": column '" + name + "' holds " + spec.getColumnSpec(i).getType()
                + ", not " + kind + "s; its " + kind + " columns are " + describe(ok)
                + (ok.isEmpty() ? " (" + hint + ")" : ""));
        }
        return i;
    }

    /** A column name not yet in {@code spec}: {@code wanted}, else "wanted (#1)" and so on. */
    public static String unique(final DataTableSpec spec, final String wanted) {
        return DataTableSpec.getUniqueColumnName(spec, wanted);
    }

    /** {@code spec} followed by one column of {@code type} named {@code wanted} (made unique). */
    public static DataTableSpec append(final DataTableSpec spec, final String wanted, final DataType type) {
        DataColumnSpecCreator column = new DataColumnSpecCreator(unique(spec, wanted), type);
        return new DataTableSpec(spec, new DataTableSpec(column.createSpec()));
    }

    private static String describe(final List<String> names) {
        return names.isEmpty() ? "none" : "'" + String.join("', '", names) + "'";
    }
}
