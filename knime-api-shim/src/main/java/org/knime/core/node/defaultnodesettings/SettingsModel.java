/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * One setting, stored under its config name plus a "&lt;name&gt;_Internals" config holding
 * SettingsModelID and EnabledStatus (the layout of KNIME's settings.xml).
 */
public abstract class SettingsModel {
    private static final String INTERNALS_SUFFIX = "_Internals";

    private volatile boolean m_enabled = true;
    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    /** Set by models of other packages (see {@link ShimSettingsModelHooks}); null for this package's models. */
    volatile ShimSettingsModelHooks m_hooks;

    public SettingsModel() {
    }

    // ---- shim-internal hooks of the concrete models (defaults: the bound ShimSettingsModelHooks) ----

    String modelTypeId() {
        return hooks().getModelTypeID();
    }

    String configName() {
        return hooks().getConfigName();
    }

    /** Writes the value under configName(). */
    void saveValue(final NodeSettingsWO settings) {
        hooks().saveSettingsForModel(settings);
    }

    /** Reads and checks the value without applying it. */
    Object readValue(final NodeSettingsRO settings) throws InvalidSettingsException {
        hooks().validateSettingsForModel(settings);
        return settings;
    }

    /** Applies a value returned by readValue. */
    void applyValue(final Object value) throws InvalidSettingsException {
        hooks().loadSettingsForModel((NodeSettingsRO)value);
    }

    SettingsModel newInstance() {
        return hooks().createClone();
    }

    /** What a dialog component does on load: like KNIME, a dialog opens with what it can read. */
    void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        if (m_hooks != null) {
            boolean enabled = storedEnabledStatusOrCurrent(settings);
            m_enabled = enabled;
            m_hooks.loadSettingsForDialog(settings, specs);
            return;
        }
        try {
            loadSettingsFrom(settings);
        } catch (InvalidSettingsException e) {
            // Like KNIME: a dialog opens with the model's current value when the settings lack it.
        }
    }

    /** What a dialog component does on save; a disabled model's invalid value is not an error (KNIME's rule). */
    void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        if (m_hooks == null) {
            saveSettingsTo(settings);
            return;
        }
        saveInternals(settings);
        try {
            m_hooks.saveSettingsForDialog(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    private ShimSettingsModelHooks hooks() {
        ShimSettingsModelHooks h = m_hooks;
        if (h == null) {
            throw new IllegalStateException(getClass().getName() + " implements no settings model hooks");
        }
        return h;
    }

    // ---- KNIME API ----

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveInternals(settings);
        saveValue(settings);
    }

    /** Internals first, as KNIME writes them. */
    private void saveInternals(final NodeSettingsWO settings) {
        NodeSettingsWO internals = settings.addNodeSettings(configName() + INTERNALS_SUFFIX);
        internals.addString("SettingsModelID", modelTypeId());
        internals.addBoolean("EnabledStatus", m_enabled);
    }

    /** EnabledStatus from the internals, or the current status when they are missing or unreadable. */
    private boolean storedEnabledStatusOrCurrent(final NodeSettingsRO settings) {
        try {
            return storedEnabledStatus(settings, m_enabled);
        } catch (InvalidSettingsException e) {
            return m_enabled;
        }
    }

    /** Checks the value, unless the settings say the model was disabled when saved (KNIME's rule). */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (storedEnabledStatus(settings, true)) {
            readValue(settings);
        }
    }

    /** Loads the enabled status (if stored) and the value; a disabled model ignores a missing/bad value. */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean enabled = storedEnabledStatus(settings, m_enabled);
        if (enabled != m_enabled) {
            setEnabled(enabled);
        }
        try {
            // KNIME's loadSettingsFrom does not validate: models of other packages load directly
            applyValue(m_hooks != null ? settings : readValue(settings));
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    /** EnabledStatus from "&lt;name&gt;_Internals"; def when the settings have no internals (older files). */
    private boolean storedEnabledStatus(final NodeSettingsRO settings, final boolean def)
        throws InvalidSettingsException {
        String internalsKey = configName() + INTERNALS_SUFFIX;
        if (!settings.containsKey(internalsKey)) {
            return def;
        }
        return settings.getNodeSettings(internalsKey).getBoolean("EnabledStatus");
    }

    @SuppressWarnings("unchecked")
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        NodeSettings current = new NodeSettings("clone");
        saveSettingsTo(current);
        SettingsModel clone = newInstance();
        clone.loadSettingsFrom(current);
        clone.loadSettingsFrom(settings);
        return (T)clone;
    }

    public void setEnabled(final boolean enabled) {
        if (m_enabled != enabled) {
            m_enabled = enabled;
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    @Override
    public abstract String toString();

    static String checkConfigName(final String configName) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        return configName;
    }
}
