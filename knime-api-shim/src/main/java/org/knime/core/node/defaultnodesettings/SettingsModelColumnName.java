/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** A column selection that may also be the row ID; stored as a config with columnName and useRowID. */
public class SettingsModelColumnName extends SettingsModelString {
    private volatile boolean m_useRowID;

    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super(configName, defaultValue);
    }

    public String getColumnName() {
        return m_useRowID ? null : getStringValue();
    }

    public boolean useRowID() {
        return m_useRowID;
    }

    public void setSelection(final String newValue, final boolean isRowID) {
        boolean changed = m_useRowID != isRowID;
        m_useRowID = isRowID;
        if (changed) {
            notifyChangeListeners();
        }
        setStringValue(isRowID ? null : newValue);
    }

    @Override
    String modelTypeId() {
        return "SMID_columnname";
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        ConfigWO c = settings.addConfig(configName());
        c.addString("columnName", getStringValue());
        c.addBoolean("useRowID", m_useRowID);
    }

    @Override
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        ConfigRO c = settings.getConfig(configName());
        return new Object[] {c.getString("columnName"), c.getBoolean("useRowID")};
    }

    @Override
    void applyValue(final Object value) {
        Object[] v = (Object[])value;
        setSelection((String)v[0], (Boolean)v[1]);
    }

    @Override
    SettingsModel newInstance() {
        SettingsModelColumnName m = new SettingsModelColumnName(configName(), getStringValue());
        m.m_useRowID = m_useRowID;
        return m;
    }
}
