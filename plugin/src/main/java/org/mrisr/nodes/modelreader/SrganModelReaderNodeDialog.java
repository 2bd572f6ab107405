package org.mrisr.nodes.modelreader;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** Dialog of the SRGAN Model Reader. */
final class SrganModelReaderNodeDialog extends DefaultNodeSettingsPane {
    SrganModelReaderNodeDialog() {
        addDialogComponent(new DialogComponentFileChooser(SrganModelReaderSettings.file(), "mrisr.model.reader", ".mrisr",
            ".zip"));
    }
}
