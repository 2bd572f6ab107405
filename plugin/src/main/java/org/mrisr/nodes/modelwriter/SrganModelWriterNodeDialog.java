package org.mrisr.nodes.modelwriter;

import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.filehandling.core.data.location.variable.FSLocationVariableType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.DialogComponentWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;

/** Dialog of the SRGAN Model Writer: KNIME's "Write to" file chooser with "If exists". */
final class SrganModelWriterNodeDialog extends DefaultNodeSettingsPane {
    SrganModelWriterNodeDialog(final PortsConfiguration ports) {
        SettingsModelWriterFileChooser output = SrganModelWriterNodeModel.output(ports);
        addDialogComponent(new DialogComponentWriterFileChooser(output, "mrisr.model.writer",
            createFlowVariableModel(output.getKeysForFSLocation(), FSLocationVariableType.INSTANCE)));
    }
}
