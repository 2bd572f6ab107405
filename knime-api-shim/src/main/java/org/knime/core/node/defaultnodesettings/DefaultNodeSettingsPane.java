/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** A dialog made of {@link DialogComponent}s, laid out in tabs and groups; loads/saves them all. */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    private final List<DialogComponent> m_components = new ArrayList<>();
    private JPanel m_tabPanel;
    private JPanel m_currentPanel;
    private Box m_currentBox;
    private boolean m_horizontal;

    public DefaultNodeSettingsPane() {
        newTabPanel();
        addTab("Options", m_tabPanel);
    }

    private void newTabPanel() {
        m_tabPanel = new JPanel();
        m_tabPanel.setLayout(new BoxLayout(m_tabPanel, BoxLayout.Y_AXIS));
        m_currentPanel = m_tabPanel;
        newBox();
    }

    private void newBox() {
        m_currentBox = new Box(m_horizontal ? BoxLayout.X_AXIS : BoxLayout.Y_AXIS);
        m_currentPanel.add(m_currentBox);
    }

    public void createNewTab(final String tabTitle) {
        if (tabTitle == null || tabTitle.isEmpty()) {
            throw new IllegalArgumentException("The title of a tab can't be null nor empty.");
        }
        newTabPanel();
        addTab(tabTitle, m_tabPanel);
    }

    public void createNewGroup(final String title) {
        JPanel group = new JPanel();
        group.setLayout(new BoxLayout(group, BoxLayout.Y_AXIS));
        group.setBorder(BorderFactory.createTitledBorder(title));
        m_tabPanel.add(group);
        m_currentPanel = group;
        newBox();
    }

    public void closeCurrentGroup() {
        m_currentPanel = m_tabPanel;
        newBox();
    }

    public void setHorizontalPlacement(final boolean horizontal) {
        if (m_horizontal != horizontal) {
            m_horizontal = horizontal;
            newBox();
        }
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_currentBox.add(diaC.getComponentPanel());
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tables = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] == null) {
                tables[i] = new DataTableSpec();
            } else if (specs[i] instanceof DataTableSpec) {
                tables[i] = (DataTableSpec)specs[i];
            } else {
                return;
            }
        }
        loadAdditionalSettingsFrom(settings, tables);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // hook
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook
    }
}
