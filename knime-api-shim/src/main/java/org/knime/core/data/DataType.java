/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of a column: identified by its cell class; compatible with every value interface that
 * class implements.
 */
public final class DataType {
    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private final Class<? extends DataCell> m_cellClass;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        if (cell == null) {
            throw new NullPointerException("cell class must not be null");
        }
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    public static DataCell getMissingCell() {
        return MissingValueCell.INSTANCE;
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass != null && valueClass.isAssignableFrom(m_cellClass);
    }

    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    public String getName() {
        String n = m_cellClass.getSimpleName();
        return n.endsWith("Cell") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
    }

    /** Whether a column of this type may hold cells of {@code type} (same or a subclass; missing always). */
    public boolean isASuperTypeOf(final DataType type) {
        return type != null && (type.m_cellClass == MissingValueCell.class || m_cellClass.isAssignableFrom(type.m_cellClass));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType)other).m_cellClass == m_cellClass;
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    @Override
    public String toString() {
        return getName();
    }
}
