package org.mrisr.nodes.patches;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the Patch Extractor. */
final class PatchExtractorNodeDialog extends DefaultNodeSettingsPane {
    PatchExtractorNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(PatchExtractorSettings.hrColumn(), "HR volume column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(PatchExtractorSettings.lrColumn(), "LR volume column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.factor(), "Factor (HR/LR)", 1));
        createNewGroup("Grid (HR voxels)");
        setHorizontalPlacement(true);
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.patch("x"), "Patch x", 2));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.patch("y"), "y", 2));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.patch("z"), "z", 2));
        setHorizontalPlacement(false);
        setHorizontalPlacement(true);
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.stride("x"), "Stride x", 2));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.stride("y"), "y", 2));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.stride("z"), "z", 2));
        setHorizontalPlacement(false);
        closeCurrentGroup();
        createNewGroup("Selection");
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.foreground(), "Minimum brain fraction", 0.05));
        addDialogComponent(new DialogComponentBoolean(PatchExtractorSettings.shuffle(), "Shuffle patches"));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.seed(), "Seed", 1));
        addDialogComponent(new DialogComponentNumber(PatchExtractorSettings.maxPerVolume(), "Max patches per volume (0 = all)", 1));
        closeCurrentGroup();
        addDialogComponent(NonFiniteVoxels.dialogComponent());
    }
}
