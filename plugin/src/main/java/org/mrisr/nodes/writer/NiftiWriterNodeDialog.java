package org.mrisr.nodes.writer;

import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.filehandling.core.data.location.variable.FSLocationVariableType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.DialogComponentWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.files.FileSystemPort;

/** Dialog of the NIfTI Writer: the volume column, KNIME's "Write to" folder chooser, the file options. */
final class NiftiWriterNodeDialog extends DefaultNodeSettingsPane {
    NiftiWriterNodeDialog(final PortsConfiguration ports) {
        addDialogComponent(new DialogComponentColumnNameSelection(NiftiWriterSettings.volumeColumn(), "Volume column",
            FileSystemPort.index(ports, NiftiWriterNodeModel.TABLE_GROUP), VolumeValue.class));
        SettingsModelWriterFileChooser output = NiftiWriterSettings.output(ports);
        DialogComponentWriterFileChooser folder = new DialogComponentWriterFileChooser(output, "mrisr.nifti.writer",
            createFlowVariableModel(output.getKeysForFSLocation(), FSLocationVariableType.INSTANCE));
        folder.setToolTipText("The folder the files are written to; If exists: fail (default), overwrite, or ignore "
            + "(keep the existing file)");
        addDialogComponent(folder);
        DialogComponentString name = new DialogComponentString(NiftiWriterSettings.pattern(), "File name pattern");
        name.setToolTipText("{rowid} = row ID, {Column} = a column's value; the extension is added");
        addDialogComponent(name);
        addDialogComponent(new DialogComponentBoolean(NiftiWriterSettings.gzip(), "Compress (.nii.gz)"));
        addDialogComponent(new DialogComponentStringSelection(NiftiWriterSettings.storage(), "Voxel type",
            NiftiWriterSettings.FLOAT32, NiftiWriterSettings.INT16));
        addDialogComponent(NonFiniteVoxels.dialogComponent());
    }
}
