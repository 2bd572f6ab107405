package org.mrisr.nodes.modelreader;

import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.filehandling.core.data.location.variable.FSLocationVariableType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.DialogComponentReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;

/** Dialog of the SRGAN Model Reader: KNIME's "Read from" file chooser. */
final class SrganModelReaderNodeDialog extends DefaultNodeSettingsPane {
    SrganModelReaderNodeDialog(final PortsConfiguration ports) {
        SettingsModelReaderFileChooser input = SrganModelReaderNodeModel.input(ports);
        addDialogComponent(new DialogComponentReaderFileChooser(input, "mrisr.model.reader",
            createFlowVariableModel(input.getKeysForFSLocation(), FSLocationVariableType.INSTANCE)));
    }
}
