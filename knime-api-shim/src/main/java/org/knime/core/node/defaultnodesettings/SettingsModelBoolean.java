/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** A boolean setting. */
public class SettingsModelBoolean extends SettingsModel {
    private final String m_configName;
    private volatile boolean m_value;

    public SettingsModelBoolean(final String configName, final boolean defaultValue) {
        m_configName = checkConfigName(configName);
        m_value = defaultValue;
    }

    public boolean getBooleanValue() {
        return m_value;
    }

    public void setBooleanValue(final boolean newValue) {
        if (m_value != newValue) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    @Override
    String modelTypeId() {
        return "SMID_boolean";
    }

    @Override
    String configName() {
        return m_configName;
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        settings.addBoolean(m_configName, m_value);
    }

    @Override
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        return settings.getBoolean(m_configName);
    }

    @Override
    void applyValue(final Object value) {
        setBooleanValue((Boolean)value);
    }

    @Override
    SettingsModel newInstance() {
        return new SettingsModelBoolean(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
