/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

import javax.swing.JFileChooser;
import javax.swing.JTextField;

/**
 * A file or folder path field (with a Browse dialog in KNIME) for a {@link SettingsModelString}.
 * The shim has no browse button; only the path field.
 */
public class DialogComponentFileChooser extends DialogComponent {
    private final JTextField m_field = new JTextField(30);
    private final String[] m_extensions;

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, JFileChooser.OPEN_DIALOG, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_extensions = validExtensions == null ? new String[0] : validExtensions.clone();
        getComponentPanel().add(m_field);
        updateComponent();
    }

    @Override
    void updateComponent() {
        m_field.setText(((SettingsModelString)getModel()).getStringValue());
        m_field.setEnabled(getModel().isEnabled());
    }

    /**
     * As KNIME (5.x): accepts any text, empty included (the node's settings validation judges it), and
     * the model takes the text as typed, only when it was edited (an unset model stays null).
     */
    @Override
    void commitComponent() {
        SettingsModelString model = (SettingsModelString)getModel();
        String text = m_field.getText();
        String shown = model.getStringValue() == null ? "" : model.getStringValue();
        if (!text.equals(shown)) {
            model.setStringValue(text);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
    }

    /** Shim internal: the accepted extensions. */
    String[] extensions() {
        return m_extensions.clone();
    }
}
