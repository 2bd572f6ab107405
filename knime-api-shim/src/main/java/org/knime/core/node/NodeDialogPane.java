/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.awt.Component;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.VariableType;

/** A node's settings dialog: tabs of Swing components; loads from and saves to node settings. */
public abstract class NodeDialogPane {
    private final JPanel m_panel = new JPanel(new java.awt.BorderLayout());
    private final JTabbedPane m_tabs = new JTabbedPane();
    private final Map<String, Component> m_tabComponents = new LinkedHashMap<>();

    protected NodeDialogPane() {
        m_panel.add(m_tabs);
    }

    public final JPanel getPanel() {
        return m_panel;
    }

    protected final void addTab(final String title, final Component comp) {
        if (title == null || comp == null) {
            throw new NullPointerException("The title and component of a dialog tab can't be null");
        }
        if (m_tabComponents.get(title) == comp) {
            return;
        }
        // Like KNIME: a repeated title gets a unique one rather than failing.
        String unique = title;
        for (int i = 2; m_tabComponents.containsKey(unique); i++) {
            unique = title + " (#" + i + ")";
        }
        m_tabComponents.put(unique, comp);
        m_tabs.addTab(unique, comp);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input Port " + i + " does not hold data table specs; "
                    + getClass().getName() + " must override loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])");
            }
            tableSpecs[i] = specs[i] == null ? new DataTableSpec() : (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing in "
            + getClass().getName());
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    /** A flow variable model for the setting at the config key path (e.g. a file chooser's location). */
    public FlowVariableModel createFlowVariableModel(final String[] keys, final VariableType<?> type) {
        return new FlowVariableModel(this, keys, type);
    }

    public FlowVariableModel createFlowVariableModel(final String key, final VariableType<?> type) {
        return createFlowVariableModel(new String[]{key}, type);
    }

    /** Shim internal: the titles of the tabs added so far. */
    final java.util.Set<String> tabTitles() {
        return java.util.Collections.unmodifiableSet(m_tabComponents.keySet());
    }
}
