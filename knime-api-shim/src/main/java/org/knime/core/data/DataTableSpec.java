/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/** The ordered column specs of a table; column names are unique. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {
    private final String m_name;
    private final List<DataColumnSpec> m_columns;
    private final Map<String, Integer> m_index = new HashMap<>();

    public DataTableSpec() {
        this("default");
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this("default", colSpecs);
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name;
        m_columns = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(colSpecs)));
        for (int i = 0; i < m_columns.size(); i++) {
            DataColumnSpec c = m_columns.get(i);
            if (c == null) {
                throw new NullPointerException("Column spec " + i + " must not be null");
            }
            if (m_index.put(c.getName(), i) != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + c.getName() + "\" in table spec");
            }
        }
    }

    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(spec1.getName(), spec1, spec2);
    }

    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1, spec2));
    }

    private static DataColumnSpec[] concat(final DataTableSpec a, final DataTableSpec b) {
        List<DataColumnSpec> all = new ArrayList<>(a.m_columns);
        all.addAll(b.m_columns);
        return all.toArray(new DataColumnSpec[0]);
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columns.size();
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns.get(index);
    }

    public DataColumnSpec getColumnSpec(final String column) {
        Integer i = m_index.get(column);
        return i == null ? null : m_columns.get(i);
    }

    public int findColumnIndex(final String columnName) {
        Integer i = m_index.get(columnName);
        return i == null ? -1 : i;
    }

    public boolean containsName(final String columnName) {
        return m_index.containsKey(columnName);
    }

    public final String[] getColumnNames() {
        return m_columns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return m_columns.stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    /** A name not yet used in spec: columnName itself, else "columnName (#1)", "(#2)", ... */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (spec == null || !spec.containsName(columnName)) {
            return columnName;
        }
        for (int i = 1;; i++) {
            String candidate = columnName + " (#" + i + ")";
            if (!spec.containsName(candidate)) {
                return candidate;
            }
        }
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return m_columns.iterator();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && ((DataTableSpec)obj).m_columns.equals(m_columns);
    }

    @Override
    public int hashCode() {
        return m_columns.hashCode();
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + m_columns;
    }
}
