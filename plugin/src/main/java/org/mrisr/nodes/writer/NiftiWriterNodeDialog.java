package org.mrisr.nodes.writer;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.mrisr.nodes.cell.VolumeValue;

/** Dialog of the NIfTI Writer. */
final class NiftiWriterNodeDialog extends DefaultNodeSettingsPane {
    NiftiWriterNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(NiftiWriterSettings.volumeColumn(), "Volume column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentFileChooser(NiftiWriterSettings.folder(), "mrisr.nifti.writer",
            JFileChooser.SAVE_DIALOG, true));
        DialogComponentString name = new DialogComponentString(NiftiWriterSettings.pattern(), "File name pattern");
        name.setToolTipText("{rowid} = row ID, {Column} = a column's value; the extension is added");
        addDialogComponent(name);
        addDialogComponent(new DialogComponentBoolean(NiftiWriterSettings.gzip(), "Compress (.nii.gz)"));
        addDialogComponent(new DialogComponentStringSelection(NiftiWriterSettings.storage(), "Voxel type",
            NiftiWriterSettings.FLOAT32, NiftiWriterSettings.INT16));
        addDialogComponent(new DialogComponentBoolean(NiftiWriterSettings.overwrite(), "Overwrite existing files"));
    }
}
