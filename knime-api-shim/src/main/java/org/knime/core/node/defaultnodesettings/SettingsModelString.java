/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** A string setting (may be null). */
public class SettingsModelString extends SettingsModel {
    private final String m_configName;
    private volatile String m_value;

    public SettingsModelString(final String configName, final String defaultValue) {
        m_configName = checkConfigName(configName);
        m_value = defaultValue;
    }

    public String getStringValue() {
        return m_value;
    }

    public void setStringValue(final String newValue) {
        if (!Objects.equals(m_value, newValue)) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    @Override
    String modelTypeId() {
        return "SMID_string";
    }

    @Override
    String configName() {
        return m_configName;
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        settings.addString(m_configName, m_value);
    }

    @Override
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        return settings.getString(m_configName);
    }

    @Override
    void applyValue(final Object value) {
        setStringValue((String)value);
    }

    @Override
    SettingsModel newInstance() {
        return new SettingsModelString(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
