/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** A int setting. */
public class SettingsModelInteger extends SettingsModelNumber {
    private final String m_configName;
    private volatile int m_value;

    public SettingsModelInteger(final String configName, final int defaultValue) {
        m_configName = checkConfigName(configName);
        m_value = defaultValue;
    }

    public int getIntValue() {
        return m_value;
    }

    public void setIntValue(final int newValue) {
        checkBounds(newValue);
        if (m_value != newValue) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    /** Shim internal: bounded subclasses reject values outside their range. */
    void checkBounds(final int value) {
        // unbounded
    }

    @Override
    String modelTypeId() {
        return "SMID_integer";
    }

    @Override
    String configName() {
        return m_configName;
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        settings.addInt(m_configName, m_value);
    }

    @Override
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        int v = settings.getInt(m_configName);
        try {
            checkBounds(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        return v;
    }

    @Override
    void applyValue(final Object value) {
        setIntValue((Integer)value);
    }

    @Override
    SettingsModel newInstance() {
        return new SettingsModelInteger(m_configName, m_value);
    }

    @Override
    Number numberValue() {
        return m_value;
    }

    @Override
    void setNumber(final Number n) {
        setIntValue(n.intValue());
    }

    @Override
    Number lower() {
        return Integer.MIN_VALUE;
    }

    @Override
    Number upper() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
