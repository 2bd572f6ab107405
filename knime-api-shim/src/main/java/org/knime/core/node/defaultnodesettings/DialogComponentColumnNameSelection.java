/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Chooses one column of the input table whose type is compatible with one of the given value classes. */
public class DialogComponentColumnNameSelection extends DialogComponent {
    private final JComboBox<String> m_combo = new JComboBox<>();
    private final int m_specIndex;
    private final boolean m_required;
    private final List<Class<? extends DataValue>> m_filter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_required = isRequired;
        m_filter = new ArrayList<>(Arrays.asList(classFilter));
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_combo);
    }

    @Override
    void checkConfigurability(final PortObjectSpec[] specs) throws NotConfigurableException {
        m_combo.removeAllItems();
        PortObjectSpec spec = specs == null || specs.length <= m_specIndex ? null : specs[m_specIndex];
        if (spec == null) {
            throw new NotConfigurableException("Need input table spec to configure dialog. "
                + "Configure or execute predecessor nodes.");
        }
        if (!(spec instanceof DataTableSpec)) {
            throw new NotConfigurableException("Input " + m_specIndex + " is not a data table");
        }
        {
            for (DataColumnSpec c : (DataTableSpec)spec) {
                if (m_filter.isEmpty() || m_filter.stream().anyMatch(v -> c.getType().isCompatible(v))) {
                    m_combo.addItem(c.getName());
                }
            }
        }
        if (m_required && m_combo.getItemCount() == 0) {
            throw new NotConfigurableException("No column in spec compatible to "
                + m_filter.stream().map(Class::getSimpleName).reduce((a, b) -> a + ", " + b).orElse("any type") + ".");
        }
    }

    public final String getSelected() {
        return (String)m_combo.getSelectedItem();
    }

    @Override
    void updateComponent() {
        String sel = ((SettingsModelString)getModel()).getStringValue();
        if (sel != null) {
            m_combo.setSelectedItem(sel);
        }
        m_combo.setEnabled(getModel().isEnabled());
    }

    @Override
    void commitComponent() throws InvalidSettingsException {
        String sel = getSelected();
        if (sel == null && m_required) {
            throw new InvalidSettingsException("Please select a column");
        }
        if (getModel() instanceof SettingsModelColumnName) {
            ((SettingsModelColumnName)getModel()).setSelection(sel, false);
        } else {
            ((SettingsModelString)getModel()).setStringValue(sel);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
    }
}
