/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A Swing component bound to one {@link SettingsModel}: loading settings updates the model and the
 * widget; saving copies the widget into the model (rejecting invalid input) and the model into the
 * settings. Works headless (no window is ever shown).
 */
public abstract class DialogComponent {
    private final SettingsModel m_model;
    private final JPanel m_panel = new JPanel();

    /** Set by components of other packages (see {@link ShimDialogComponentHooks}). */
    volatile ShimDialogComponentHooks m_hooks;

    public DialogComponent(final SettingsModel model) {
        m_model = model;
    }

    public JPanel getComponentPanel() {
        return m_panel;
    }

    public final SettingsModel getModel() {
        return m_model;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        checkConfigurability(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            commitComponent();
        } catch (InvalidSettingsException e) {
            // Like KNIME: a disabled component may hold an invalid value; it is saved as the model has it.
            if (m_model.isEnabled()) {
                throw e;
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    public abstract void setToolTipText(final String text);

    /** Shim internal: model to widget. */
    void updateComponent() {
        hooks().updateComponent();
    }

    /** Shim internal: widget to model; throws for invalid input. */
    void commitComponent() throws InvalidSettingsException {
        hooks().validateSettingsBeforeSave();
    }

    /** Shim internal: refuse to open (e.g. no column of the required type). */
    void checkConfigurability(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (m_hooks != null) {
            m_hooks.checkConfigurabilityBeforeLoad(specs);
        }
    }

    private ShimDialogComponentHooks hooks() {
        ShimDialogComponentHooks h = m_hooks;
        if (h == null) {
            throw new IllegalStateException(getClass().getName() + " implements no dialog component hooks");
        }
        return h;
    }

    /** Shim internal: a copy of the model's settings, for components that validate. */
    final NodeSettings modelSettings() {
        NodeSettings s = new NodeSettings("tmp");
        m_model.saveSettingsTo(s);
        return s;
    }
}
