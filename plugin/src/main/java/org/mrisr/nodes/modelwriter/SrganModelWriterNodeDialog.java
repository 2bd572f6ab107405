package org.mrisr.nodes.modelwriter;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** Dialog of the SRGAN Model Writer. */
final class SrganModelWriterNodeDialog extends DefaultNodeSettingsPane {
    SrganModelWriterNodeDialog() {
        addDialogComponent(new DialogComponentFileChooser(SrganModelWriterSettings.file(), "mrisr.model.writer",
            JFileChooser.SAVE_DIALOG, ".mrisr"));
        addDialogComponent(new DialogComponentBoolean(SrganModelWriterSettings.overwrite(), "Overwrite existing file"));
    }
}
