/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

/** A check box for a {@link SettingsModelBoolean}. */
public final class DialogComponentBoolean extends DialogComponent {
    private final JCheckBox m_checkBox;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_checkBox = new JCheckBox(label, booleanModel.getBooleanValue());
        getComponentPanel().add(m_checkBox);
    }

    public boolean isSelected() {
        return m_checkBox.isSelected();
    }

    @Override
    void updateComponent() {
        m_checkBox.setSelected(((SettingsModelBoolean)getModel()).getBooleanValue());
        m_checkBox.setEnabled(getModel().isEnabled());
    }

    @Override
    void commitComponent() {
        ((SettingsModelBoolean)getModel()).setBooleanValue(m_checkBox.isSelected());
    }

    @Override
    public void setToolTipText(final String text) {
        m_checkBox.setToolTipText(text);
    }
}
