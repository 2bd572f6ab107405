package org.mrisr.nodes.thickslice;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the Thick-Slice SR node: geometry, training budget, refinement; network size under "Advanced". */
final class ThickSliceNodeDialog extends DefaultNodeSettingsPane {
    ThickSliceNodeDialog() {
        createNewGroup("Scan");
        addDialogComponent(new DialogComponentColumnNameSelection(ThickSliceSettings.column(), "Thick-slice volume column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentString(ThickSliceSettings.outColumn(), "Output column name"));
        addDialogComponent(new DialogComponentStringSelection(ThickSliceSettings.axis(), "Thick axis", ThickSliceSettings.AXES));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.factor(), "Factor (0 = from the header)", 1));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.thickness(),
            "Slice thickness in mm (0 = the slice spacing)", 0.5));
        addDialogComponent(new DialogComponentStringSelection(ThickSliceSettings.profile(), "Slice profile",
            ThickSliceSettings.GAUSSIAN, ThickSliceSettings.BOX));
        addDialogComponent(NonFiniteVoxels.dialogComponent());
        closeCurrentGroup();
        createNewGroup("Training (per row)");
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.steps(), "Steps", 100));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.minutes(), "Time budget in minutes (0 = none)", 1));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.seed(), "Seed", 1));
        closeCurrentGroup();
        createNewGroup("Refinement");
        addDialogComponent(new DialogComponentBoolean(ThickSliceSettings.fuse(), "Both through-plane orientations, averaged"));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.window(), "Window edge (voxels)", 16));
        closeCurrentGroup();
        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.channels(), "Network channels", 8));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.depth(), "Network layers", 1));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.patch(), "Training patch edge", 8));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.batch(), "Patches per step", 1));
        addDialogComponent(new DialogComponentNumber(ThickSliceSettings.learningRate(), "Learning rate", 1e-4));
    }
}
