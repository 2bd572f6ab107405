/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser;

import java.awt.FlowLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.ShimDialogComponentHooks;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.FileSystemBrowser;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.PriorityStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;
import org.mrisr.knimeshim.ShimChecks;

/**
 * The Swing component of a file chooser: file system choice (or the connected one), relative-to choice,
 * path, filter mode and "include subfolders", and a status line. Every edit goes to the settings model at
 * once; saving checks the file system settings (an empty path is not an error when saving the dialog, as in
 * KNIME; configure reports it). Built from lightweight Swing components: it can be created headless. The shim
 * has no file browser and no flow variable button.
 */
public abstract class AbstractDialogComponentFileChooser<T extends AbstractSettingsModelFileChooser<T>>
    extends DialogComponent {
    private final JComboBox<String> m_fileSystem = new JComboBox<>();
    private final JComboBox<RelativeTo> m_relativeTo =
        new JComboBox<>(new RelativeTo[]{RelativeTo.WORKFLOW_DATA, RelativeTo.WORKFLOW, RelativeTo.MOUNTPOINT});
    private final JTextField m_path = new JTextField(30);
    private final Map<FilterMode, JRadioButton> m_modes = new EnumMap<>(FilterMode.class);
    private final JCheckBox m_includeSubfolders = new JCheckBox("Include subfolders");
    private final JLabel m_status = new JLabel(" ");
    private final List<FSCategory> m_categories = new ArrayList<>();
    private final FileSystemBrowser.DialogType m_dialogType;
    private final Function<T, StatusMessageReporter> m_statusReporter;
    private boolean m_updating;

    /**
     * @param statusMessageReporter what the status line shows, computed from the model after each change
     */
    protected AbstractDialogComponentFileChooser(final T model, final String historyID,
        final FileSystemBrowser.DialogType dialogType, final String fsChooserLabel, final FlowVariableModel locationFvm,
        final Function<T, StatusMessageReporter> statusMessageReporter) {
        super(model);
        m_dialogType = dialogType;
        m_statusReporter = statusMessageReporter;
        ShimChecks.checkArgumentNotNull(locationFvm, "The location flow variable model must not be null.");
        ShimDialogComponentHooks.bind(this, new Hooks());
        JPanel panel = getComponentPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        JPanel location = new JPanel(new FlowLayout(FlowLayout.LEADING));
        location.add(new JLabel(fsChooserLabel));
        location.add(m_fileSystem);
        location.add(m_relativeTo);
        location.add(m_path);
        panel.add(location);
        SettingsModelFilterMode filter = model.getFilterModeModel();
        if (filter.getNumberOfSupportedFilterModes() > 1) {
            JPanel modes = new JPanel(new FlowLayout(FlowLayout.LEADING));
            modes.add(new JLabel("Mode"));
            ButtonGroup group = new ButtonGroup();
            for (FilterMode m : FilterMode.values()) {
                if (filter.isSupported(m)) {
                    JRadioButton b = new JRadioButton(m.getText());
                    b.addActionListener(e -> edit(() -> filter.setFilterMode(m)));
                    group.add(b);
                    modes.add(b);
                    m_modes.put(m, b);
                }
            }
            modes.add(m_includeSubfolders);
            m_includeSubfolders.addActionListener(e -> edit(() -> filter.setIncludeSubfolders(m_includeSubfolders.isSelected())));
            panel.add(modes);
        }
        panel.add(m_status);
        m_fileSystem.addActionListener(e -> edit(this::fileSystemChosen));
        m_relativeTo.addActionListener(e -> edit(this::fileSystemChosen));
        m_path.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(final DocumentEvent e) {
                edit(() -> getSettingsModel().setPath(m_path.getText()));
            }

            @Override
            public void removeUpdate(final DocumentEvent e) {
                edit(() -> getSettingsModel().setPath(m_path.getText()));
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                edit(() -> getSettingsModel().setPath(m_path.getText()));
            }
        });
        model.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    /** A user edit: ignored while the widgets are being updated from the model. */
    private void edit(final Runnable toModel) {
        if (!m_updating) {
            toModel.run();
        }
    }

    /** The user chose a file system: keep the path, take the chosen file system's specifier. */
    private void fileSystemChosen() {
        int i = m_fileSystem.getSelectedIndex();
        if (i < 0 || i >= m_categories.size() || m_categories.get(i) == FSCategory.CONNECTED) {
            return;
        }
        getSettingsModel().setLocation(fsConfig(getSettingsModel()).locationOn(m_categories.get(i),
            (RelativeTo)m_relativeTo.getSelectedItem(), m_path.getText()));
    }

    /**
     * Updates the components a subclass adds (the writer's options). Called from this class's constructor too,
     * before the subclass's fields are set. (KNIME's subclasses add their components through a protected
     * addAdditionalComponents(JPanel, GBCBuilder) hook, which the shim lacks: they add them to the component
     * panel in their constructor.)
     */
    protected void updateAdditionalComponents() {
        // readers have none
    }

    @SuppressWarnings("unchecked")
    public T getSettingsModel() {
        return (T)getModel();
    }

    /** Shows the model's values and status. */
    public final void updateComponent() {
        m_updating = true;
        try {
            T model = getSettingsModel();
            FSLocation loc = model.getLocation();
            m_categories.clear();
            m_fileSystem.removeAllItems();
            FileSystemConfig fs = fsConfig(model);
            if (fs.hasFSPort()) {
                m_categories.add(FSCategory.CONNECTED);
                m_fileSystem.addItem(Optional.ofNullable(model.getFileSystemName()).orElse("Connected file system"));
            } else {
                for (FSCategory c : fs.activeCategories()) {
                    m_categories.add(c);
                    m_fileSystem.addItem(c.getLabel());
                }
            }
            m_fileSystem.setSelectedIndex(Math.max(0, m_categories.indexOf(loc.getFSCategory())));
            m_relativeTo.setVisible(loc.getFSCategory() == FSCategory.RELATIVE);
            if (loc.getFSCategory() == FSCategory.RELATIVE && loc.getFileSystemSpecifier().isPresent()) {
                m_relativeTo.setSelectedItem(RelativeTo.fromSettingsValue(loc.getFileSystemSpecifier().get()));
            }
            if (!m_path.getText().equals(loc.getPath())) {
                m_path.setText(loc.getPath());
            }
            SettingsModelFilterMode filter = model.getFilterModeModel();
            m_modes.forEach((m, b) -> {
                b.setSelected(m == filter.getFilterMode());
                b.setEnabled(filter.isEnabled());
            });
            m_includeSubfolders.setSelected(filter.isIncludeSubfolders());
            m_includeSubfolders.setEnabled(filter.isEnabled() && filter.getFilterMode() != FilterMode.FILE
                && filter.getFilterMode() != FilterMode.FOLDER);
            m_status.setText(status(model));
            updateAdditionalComponents();
        } finally {
            m_updating = false;
        }
    }

    /** The settings' own problems first, else what the reporter finds (KNIME computes it in the background). */
    private String status(final T model) {
        PriorityStatusConsumer status = new PriorityStatusConsumer();
        model.report(status);
        Optional<StatusMessage> top = status.get();
        if (top.isEmpty()) {
            try {
                top = Optional.of(m_statusReporter.apply(model).report());
            } catch (IOException | InvalidSettingsException | RuntimeException e) {
                top = Optional.of(StatusMessage.error(String.valueOf(e.getMessage())));
            }
        }
        return top.map(StatusMessage::getMessage).filter(s -> !s.isEmpty()).orElse(" ");
    }

    /** The status line's text. */
    String statusText() {
        return m_status.getText();
    }

    public final FileSystemBrowser.DialogType getDialogType() {
        return m_dialogType;
    }

    private static FileSystemConfig fsConfig(final AbstractSettingsModelFileChooser<?> model) {
        return model.fileSystemConfig();
    }

    /** Nothing to stop in the shim (KNIME cancels its status worker). */
    public void onClose() {
        // no background status computation in the shim
    }

    @Override
    public void setToolTipText(final String text) {
        m_fileSystem.setToolTipText(text);
        m_path.setToolTipText(text);
        m_modes.values().forEach(b -> b.setToolTipText(text));
    }

    /** KNIME's protected DialogComponent methods of the file chooser components. */
    private final class Hooks implements ShimDialogComponentHooks {
        @Override
        public void updateComponent() {
            AbstractDialogComponentFileChooser.this.updateComponent();
        }

        @Override
        public void validateSettingsBeforeSave() throws InvalidSettingsException {
            getSettingsModel().validateConfig();
        }

        @Override
        public void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
            // nothing to check
        }
    }
}
