/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;

/** A text field for a {@link SettingsModelString}. */
public final class DialogComponentString extends DialogComponent {
    private final JTextField m_field;
    private final boolean m_required;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label, final boolean disallowEmptyString,
        final int compWidth) {
        super(stringModel);
        m_required = disallowEmptyString;
        m_field = new JTextField(compWidth);
        m_field.setText(stringModel.getStringValue());
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_field);
    }

    @Override
    void updateComponent() {
        m_field.setText(((SettingsModelString)getModel()).getStringValue());
        m_field.setEnabled(getModel().isEnabled());
    }

    @Override
    void commitComponent() throws InvalidSettingsException {
        String text = m_field.getText();
        if (m_required && (text == null || text.isEmpty())) {
            throw new InvalidSettingsException("Please enter a value for " + getModel());
        }
        ((SettingsModelString)getModel()).setStringValue(text);
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
    }
}
