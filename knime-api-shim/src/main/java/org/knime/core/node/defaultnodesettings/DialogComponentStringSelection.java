/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;

/** A combo box choosing one of fixed strings for a {@link SettingsModelString}. */
public final class DialogComponentStringSelection extends DialogComponent {
    private final JComboBox<String> m_combo = new JComboBox<>();

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        list.forEach(m_combo::addItem);
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_combo);
        updateComponent();
    }

    public void replaceListItems(final Collection<String> newItems, final String select) {
        m_combo.removeAllItems();
        newItems.forEach(m_combo::addItem);
        m_combo.setSelectedItem(select != null ? select : ((SettingsModelString)getModel()).getStringValue());
    }

    @Override
    void updateComponent() {
        m_combo.setSelectedItem(((SettingsModelString)getModel()).getStringValue());
        m_combo.setEnabled(getModel().isEnabled());
    }

    @Override
    void commitComponent() throws InvalidSettingsException {
        Object sel = m_combo.getSelectedItem();
        if (sel == null) {
            throw new InvalidSettingsException("Please select an item from the list for " + getModel());
        }
        ((SettingsModelString)getModel()).setStringValue((String)sel);
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
    }
}
