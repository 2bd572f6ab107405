/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** A long setting. */
public class SettingsModelLong extends SettingsModelNumber {
    private final String m_configName;
    private volatile long m_value;

    public SettingsModelLong(final String configName, final long defaultValue) {
        m_configName = checkConfigName(configName);
        m_value = defaultValue;
    }

    public long getLongValue() {
        return m_value;
    }

    public void setLongValue(final long newValue) {
        checkBounds(newValue);
        if (m_value != newValue) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    /** Shim internal: bounded subclasses reject values outside their range. */
    void checkBounds(final long value) {
        // unbounded
    }

    @Override
    String modelTypeId() {
        return "SMID_long";
    }

    @Override
    String configName() {
        return m_configName;
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        settings.addLong(m_configName, m_value);
    }

    @Override
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        long v = settings.getLong(m_configName);
        try {
            checkBounds(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        return v;
    }

    @Override
    void applyValue(final Object value) {
        setLongValue((Long)value);
    }

    @Override
    SettingsModel newInstance() {
        return new SettingsModelLong(m_configName, m_value);
    }

    @Override
    Number numberValue() {
        return m_value;
    }

    @Override
    void setNumber(final Number n) {
        setLongValue(n.longValue());
    }

    @Override
    Number lower() {
        return Long.MIN_VALUE;
    }

    @Override
    Number upper() {
        return Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
