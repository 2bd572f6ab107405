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

    /** The column name; null if none was selected. Check {@link #useRowID()} for the row ID. */
    public String getColumnName() {
        return getStringValue();
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
        setStringValue(newValue);
    }

    @Override
    void saveValue(final NodeSettingsWO settings) {
        // KNIME's layout: a sub-config named after the setting, holding useRowID and columnName.
        ConfigWO c = settings.addConfig(configName());
        c.addBoolean("useRowID", m_useRowID);
        c.addString("columnName", getStringValue());
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
