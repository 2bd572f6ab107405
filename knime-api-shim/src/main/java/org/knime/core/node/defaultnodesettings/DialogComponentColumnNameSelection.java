/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Chooses one column of the input table whose type is compatible with one of the given value classes.
 * As in KNIME, the list may start with a "&lt;none&gt;" option ({@code addNoneCol}; selecting it stores
 * null) and, for a {@link SettingsModelColumnName}, a "&lt;RowID&gt;" option. The list is rebuilt from the
 * input spec whenever settings are loaded, and the model then holds what the list shows: the stored
 * column if the spec has it, otherwise "&lt;none&gt;" when offered, otherwise the <em>last</em> compatible
 * column. So without a none option, opening and closing the dialog of a node whose column is unset (or
 * absent) writes a column into its settings.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {
    private static final String NONE_OPTION_LABEL = "<none>";

    private static final String ROWID_OPTION_LABEL = "<RowID>";

    /** What KNIME looks an unset (null or empty) selection up as: no column has this name. */
    private static final String UNKNOWN_COLUMN = "** Unknown column **";

    private final JComboBox<String> m_combo = new JComboBox<>();

    private final int m_specIndex;

    private final boolean m_required;

    private final boolean m_addNoneCol;

    private final boolean m_addRowID;

    private final List<Class<? extends DataValue>> m_filter;

    /** The list entries of the none and RowID options (unique against the spec), null when not offered. */
    private String m_noneItem;

    private String m_rowIDItem;

    /** The specs of the last load, null before. */
    private PortObjectSpec[] m_lastSpecs;

    /** The spec the list was last filled from, null before. */
    private DataTableSpec m_spec;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, false, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        super(model);
        if (classFilter == null || classFilter.length == 0) {
            throw new NullPointerException("Classes must not be null");
        }
        m_filter = List.of(classFilter);
        m_specIndex = specIndex;
        m_required = isRequired;
        m_addNoneCol = addNoneCol;
        m_addRowID = model instanceof SettingsModelColumnName;
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_combo);
        // As KNIME: the list follows the model when something else changes it.
        model.addChangeListener(e -> followModel());
        // As KNIME: in sync with the model from the start (an optional selection lists its options at once).
        updateComponent();
    }

    private boolean include(final DataColumnSpec c) {
        return m_filter.stream().anyMatch(v -> c.getType().isCompatible(v));
    }

    private String allFilteredMsg() {
        StringBuilder msg = new StringBuilder("No column in spec compatible to");
        for (int i = 0; i < m_filter.size(); i++) {
            msg.append(" \"").append(m_filter.get(i).getSimpleName()).append('"');
            if (m_filter.size() > 1 && i == m_filter.size() - 2) {
                msg.append(" or");
            }
        }
        return msg.append('.').toString();
    }

    @Override
    void checkConfigurability(final PortObjectSpec[] specs) throws NotConfigurableException {
        m_lastSpecs = specs;
        if (specs == null || specs.length <= m_specIndex) {
            throw new NotConfigurableException("Need input table spec to configure dialog. "
                + "Configure or execute predecessor nodes.");
        }
        if (specs[m_specIndex] != null && !(specs[m_specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("Wrong type of PortObject for ColumnNameSelection, "
                + "expecting DataTableSpec!");
        }
        if (!m_required) {
            return;
        }
        DataTableSpec spec = (DataTableSpec)specs[m_specIndex];
        if (spec == null) {
            throw new NotConfigurableException("Need input table spec to configure dialog. "
                + "Configure or execute predecessor nodes.");
        }
        for (DataColumnSpec c : spec) {
            if (include(c)) {
                return;
            }
        }
        throw new NotConfigurableException(allFilteredMsg());
    }

    /** The selected column's name; null for "&lt;none&gt;", "&lt;RowID&gt;" or an empty list. */
    public final String getSelected() {
        Object sel = m_combo.getSelectedItem();
        return sel == null || sel.equals(m_noneItem) || sel.equals(m_rowIDItem) ? null : (String)sel;
    }

    private boolean rowIDSelected() {
        return m_rowIDItem != null && m_rowIDItem.equals(m_combo.getSelectedItem());
    }

    @Override
    void updateComponent() {
        String value = ((SettingsModelString)getModel()).getStringValue();
        String wanted = value == null || value.isEmpty() ? UNKNOWN_COLUMN : value;
        boolean useRowID = getModel() instanceof SettingsModelColumnName
            && ((SettingsModelColumnName)getModel()).useRowID();
        DataTableSpec spec = m_lastSpecs == null || m_lastSpecs.length <= m_specIndex ? null
            : (DataTableSpec)m_lastSpecs[m_specIndex];
        if (spec == null && !m_required) {
            spec = new DataTableSpec();
        }
        if (spec != null) {
            fill(spec, wanted, useRowID);
            // KNIME's component writes every selection of its list into the model at once.
            updateModel();
        }
        m_combo.setEnabled(getModel().isEnabled());
    }

    /** Lists the options and compatible columns of spec and selects as KNIME's ColumnSelectionPanel does. */
    private void fill(final DataTableSpec spec, final String wanted, final boolean useRowID) {
        m_spec = spec;
        m_combo.removeAllItems();
        m_noneItem = m_addNoneCol ? DataTableSpec.getUniqueColumnName(spec, NONE_OPTION_LABEL) : null;
        m_rowIDItem = m_addRowID ? DataTableSpec.getUniqueColumnName(spec, ROWID_OPTION_LABEL) : null;
        if (m_noneItem != null) {
            m_combo.addItem(m_noneItem);
        }
        if (m_rowIDItem != null) {
            m_combo.addItem(m_rowIDItem);
        }
        String found = null;
        for (DataColumnSpec c : spec) {
            if (include(c)) {
                m_combo.addItem(c.getName());
                if (c.getName().equals(wanted)) {
                    found = c.getName();
                }
            }
        }
        if (found != null) {
            m_combo.setSelectedItem(found);
        } else if (m_noneItem != null && !useRowID) {
            m_combo.setSelectedItem(m_noneItem);
        } else if (m_rowIDItem != null && useRowID) {
            m_combo.setSelectedItem(m_rowIDItem);
        } else if (m_combo.getItemCount() > 0) {
            m_combo.setSelectedIndex(m_combo.getItemCount() - 1);
        }
    }

    /** Selects what the model holds (a value not in the spec clears the selection, as in KNIME). */
    private void followModel() {
        String value = ((SettingsModelString)getModel()).getStringValue();
        if (getModel() instanceof SettingsModelColumnName && ((SettingsModelColumnName)getModel()).useRowID()) {
            if (m_rowIDItem != null) {
                m_combo.setSelectedItem(m_rowIDItem);
            }
        } else if (value == null && m_noneItem != null) {
            m_combo.setSelectedItem(m_noneItem);
        } else if (m_spec != null) {
            m_combo.setSelectedItem(m_spec.containsName(value) ? value : null);
        }
        m_combo.setEnabled(getModel().isEnabled());
    }

    private void updateModel() {
        if (getModel() instanceof SettingsModelColumnName) {
            ((SettingsModelColumnName)getModel()).setSelection(getSelected(), rowIDSelected());
        } else {
            ((SettingsModelString)getModel()).setStringValue(getSelected());
        }
    }

    @Override
    void commitComponent() {
        // As KNIME: the selection goes into the model as it is; an empty choice is the node's to refuse.
        updateModel();
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
    }
}
