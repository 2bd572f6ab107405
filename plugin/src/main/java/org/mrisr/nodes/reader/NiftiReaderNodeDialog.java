package org.mrisr.nodes.reader;

import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.filehandling.core.data.location.variable.FSLocationVariableType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.DialogComponentReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the NIfTI Reader: KNIME's "Read from" file chooser, then the reading options. */
final class NiftiReaderNodeDialog extends DefaultNodeSettingsPane {
    NiftiReaderNodeDialog(final PortsConfiguration ports) {
        SettingsModelReaderFileChooser input = NiftiReaderSettings.input(ports);
        DialogComponentReaderFileChooser chooser = new DialogComponentReaderFileChooser(input, "mrisr.nifti.reader",
            createFlowVariableModel(input.getKeysForFSLocation(), FSLocationVariableType.INSTANCE));
        chooser.setToolTipText("A NIfTI file (.nii, .nii.gz, .hdr), a folder of them, or the files in a folder "
            + "(filters, subfolders); ignored when a table with a path column is connected");
        addDialogComponent(chooser);
        addDialogComponent(new DialogComponentNumber(NiftiReaderSettings.volumeIndex(), "Volume of 4-D files (0-based)", 1));
        addDialogComponent(new DialogComponentBoolean(NiftiReaderSettings.skipBad(),
            "Skip unreadable files (warning instead of failure)"));
        // A text field, not a column list: the input is optional and the dialog must open without it.
        DialogComponentString column = new DialogComponentString(NiftiReaderSettings.pathColumn(),
            "Path column (optional input)");
        column.setToolTipText("With a table connected: its column of paths (Path cells, e.g. from List Files/Folders,"
            + " or strings); the location above is then ignored");
        addDialogComponent(column);
        addDialogComponent(NonFiniteVoxels.dialogComponent());
    }
}
