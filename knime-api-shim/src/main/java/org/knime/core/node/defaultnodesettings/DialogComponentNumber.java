/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.InvalidSettingsException;

/**
 * A spinner for an int or double setting (bounded models bound the spinner). Like KNIME, other
 * number models (e.g. SettingsModelLong) are rejected.
 */
public class DialogComponentNumber extends DialogComponent {
    private final JSpinner m_spinner;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        if (!(numberModel instanceof SettingsModelInteger || numberModel instanceof SettingsModelDouble)) {
            throw new IllegalArgumentException("Only Double and Integer are currently supported by the NumberComponent");
        }
        if (compWidth < 1) {
            throw new IllegalArgumentException("Width of component can't be smaller than 1");
        }
        m_spinner = new JSpinner(new SpinnerNumberModel(numberModel.numberValue(), (Comparable)numberModel.lower(),
            (Comparable)numberModel.upper(), stepSize));
        ((JSpinner.DefaultEditor)m_spinner.getEditor()).getTextField().setColumns(compWidth);
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_spinner);
    }

    @Override
    void updateComponent() {
        m_spinner.setValue(((SettingsModelNumber)getModel()).numberValue());
        m_spinner.setEnabled(getModel().isEnabled());
    }

    @Override
    void commitComponent() throws InvalidSettingsException {
        try {
            ((SettingsModelNumber)getModel()).setNumber((Number)m_spinner.getValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        m_spinner.setToolTipText(text);
    }
}
