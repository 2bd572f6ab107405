package org.mrisr.knimeshim.fs;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.data.location.variable.FSLocationVariableType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.DialogComponentReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;

/** The dialog of the test reader: one "Read from" file chooser. */
final class PathListerNodeDialog extends NodeDialogPane {
    private final DialogComponentReaderFileChooser m_chooser;

    PathListerNodeDialog(final PortsConfiguration ports) {
        SettingsModelReaderFileChooser model = PathListerNodeModel.createInputModel(ports);
        FlowVariableModel fvm = createFlowVariableModel(model.getKeysForFSLocation(), FSLocationVariableType.INSTANCE);
        m_chooser = new DialogComponentReaderFileChooser(model, "path_lister", fvm);
        addTab("Settings", m_chooser.getComponentPanel());
    }

    DialogComponentReaderFileChooser chooser() {
        return m_chooser;
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_chooser.loadSettingsFrom(settings, specs);
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        m_chooser.saveSettingsTo(settings);
    }
}
