package org.mrisr.nodes.reader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the NIfTI Reader. */
final class NiftiReaderNodeDialog extends DefaultNodeSettingsPane {
    NiftiReaderNodeDialog() {
        DialogComponentFileChooser file = new DialogComponentFileChooser(NiftiReaderSettings.location(),
            "mrisr.nifti.reader", JFileChooser.OPEN_DIALOG, false, ".nii|.nii.gz|.hdr");
        file.setToolTipText("A NIfTI file, a folder of them, or several paths separated by ';' (type a folder path)");
        addDialogComponent(file);
        addDialogComponent(new DialogComponentBoolean(NiftiReaderSettings.recursive(), "Include subfolders"));
        addDialogComponent(new DialogComponentNumber(NiftiReaderSettings.volumeIndex(), "Volume of 4-D files (0-based)", 1));
        addDialogComponent(new DialogComponentBoolean(NiftiReaderSettings.skipBad(),
            "Skip unreadable files (warning instead of failure)"));
        // A text field, not a column list: the input is optional and the dialog must open without it.
        DialogComponentString column = new DialogComponentString(NiftiReaderSettings.pathColumn(),
            "Path column (optional input)");
        column.setToolTipText("With a table connected: the string column of file or folder paths; the location is then ignored");
        addDialogComponent(column);
    }
}
