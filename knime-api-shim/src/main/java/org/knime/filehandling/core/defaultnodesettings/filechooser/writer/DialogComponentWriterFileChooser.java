/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.writer;

import java.awt.FlowLayout;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import javax.swing.ButtonGroup;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.util.FileSystemBrowser.DialogType;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractDialogComponentFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.StatusMessageReporter;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;

/**
 * The "Write to" file chooser of a writer node's dialog, with "Create missing folders" and the "If exists"
 * policies (when there is a choice).
 */
public final class DialogComponentWriterFileChooser
    extends AbstractDialogComponentFileChooser<SettingsModelWriterFileChooser> {
    private JCheckBox m_createMissingFolders;
    private Map<FileOverwritePolicy, JRadioButton> m_policyButtons;

    /** The status line reports the settings' problems. */
    public DialogComponentWriterFileChooser(final SettingsModelWriterFileChooser model, final String historyID,
        final FlowVariableModel locationFvm) {
        this(model, historyID, locationFvm, m -> () -> StatusMessage.EMPTY);
    }

    public DialogComponentWriterFileChooser(final SettingsModelWriterFileChooser model, final String historyID,
        final FlowVariableModel locationFvm,
        final Function<SettingsModelWriterFileChooser, StatusMessageReporter> statusMessageReporter) {
        super(model, historyID, DialogType.SAVE_DIALOG, "Write to", locationFvm, statusMessageReporter);
        m_createMissingFolders = new JCheckBox("Create missing folders");
        m_createMissingFolders.addActionListener(e -> model.setCreateMissingFolders(m_createMissingFolders.isSelected()));
        m_policyButtons = new EnumMap<>(FileOverwritePolicy.class);
        JPanel options = new JPanel(new FlowLayout(FlowLayout.LEADING));
        options.add(new JLabel("Write options"));
        options.add(m_createMissingFolders);
        if (model.hasPolicyChoice()) {
            options.add(new JLabel("If exists: "));
            ButtonGroup group = new ButtonGroup();
            for (FileOverwritePolicy p : model.getSupportedPolicies()) {
                JRadioButton b = new JRadioButton(p.getText());
                b.setActionCommand(p.getActionCommand());
                b.addActionListener(e -> model.setFileOverwritePolicy(p));
                group.add(b);
                options.add(b);
                m_policyButtons.put(p, b);
            }
        }
        getComponentPanel().add(options);
        updateComponent();
    }

    @Override
    public SettingsModelWriterFileChooser getSettingsModel() {
        return (SettingsModelWriterFileChooser)getModel();
    }

    @Override
    protected void updateAdditionalComponents() {
        if (m_createMissingFolders == null) {
            return; // called by the super constructor
        }
        SettingsModelWriterFileChooser model = getSettingsModel();
        m_createMissingFolders.setSelected(model.isCreateMissingFoldersUI());
        m_createMissingFolders.setEnabled(model.getLocation().getFSCategory() != FSCategory.CUSTOM_URL);
        m_policyButtons.forEach((p, b) -> b.setSelected(p == model.getFileOverwritePolicy()));
    }

    @Override
    public void setToolTipText(final String text) {
        super.setToolTipText(text);
        m_createMissingFolders.setToolTipText(text);
        m_policyButtons.values().forEach(b -> b.setToolTipText(text));
    }
}
