/*
 * SHIM-ONLY (not part of the KNIME API): lets settings models outside this package (KNIME's file chooser
 * models in org.knime.filehandling) supply what KNIME's protected abstract SettingsModel methods supply.
 * The shim keeps those methods package-internal, so nodes cannot subclass SettingsModel against the shim.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** KNIME's protected abstract SettingsModel methods, implemented by a model of another package. */
public interface ShimSettingsModelHooks {
    String getModelTypeID();

    String getConfigName();

    SettingsModel createClone();

    void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs) throws NotConfigurableException;

    void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    void saveSettingsForModel(NodeSettingsWO settings);

    /** Binds the hooks to a model (once, in its constructor). */
    static void bind(final SettingsModel model, final ShimSettingsModelHooks hooks) {
        if (model.m_hooks != null) {
            throw new IllegalStateException("Settings model hooks are already bound: " + model);
        }
        model.m_hooks = hooks;
    }
}
