/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** A double setting. */
public class SettingsModelDouble extends SettingsModelNumber {
    private final String m_configName;
    private volatile double m_value;

    public SettingsModelDouble(final String configName, final double defaultValue) {
        m_configName = checkConfigName(configName);
        m_value = defaultValue;
    }

    public double getDoubleValue() {
        return m_value;
    }

    public void setDoubleValue(final double newValue) {
        checkBounds(newValue);
        if (m_value != newValue) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    /** Shim internal: bounded subclasses reject values outside their range. */
    void checkBounds(final double value) {
        // unbounded
    }

    @Override
    String modelTypeId() {
        return "SMID_double";
    }

    @Override
    String configName() {
        return m_configName;
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        settings.addDouble(m_configName, m_value);
    }

    @Override
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        double v = settings.getDouble(m_configName);
        try {
            checkBounds(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        return v;
    }

    @Override
    void applyValue(final Object value) {
        setDoubleValue((Double)value);
    }

    @Override
    SettingsModel newInstance() {
        return new SettingsModelDouble(m_configName, m_value);
    }

    @Override
    Number numberValue() {
        return m_value;
    }

    @Override
    void setNumber(final Number n) {
        setDoubleValue(n.doubleValue());
    }

    @Override
    Number lower() {
        return -Double.MAX_VALUE;
    }

    @Override
    Number upper() {
        return Double.MAX_VALUE;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
