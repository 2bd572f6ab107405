package org.mrisr.nodes.predictor;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the SR Predictor (column lists come from the table at port 1). */
final class SrPredictorNodeDialog extends DefaultNodeSettingsPane {
    SrPredictorNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(SrPredictorSettings.lrColumn(), "LR volume column", 1,
            VolumeValue.class));
        addDialogComponent(new DialogComponentString(SrPredictorSettings.outColumn(), "Output column name"));
        addDialogComponent(new DialogComponentString(SrPredictorSettings.hrColumn(), "HR column for the view (optional)"));
        addDialogComponent(new DialogComponentNumber(SrPredictorSettings.factor(),
            "Factor of the default model (without a connected model)", 2));
        createNewGroup("Windows (LR voxels)");
        addDialogComponent(new DialogComponentNumber(SrPredictorSettings.window(), "Window size", 8));
        addDialogComponent(new DialogComponentNumber(SrPredictorSettings.overlap(), "Overlap", 2));
        addDialogComponent(new DialogComponentNumber(SrPredictorSettings.memoryMiB(),
            "Memory bound in MiB (picks the window; 0: use the window size)", 256));
        addDialogComponent(new DialogComponentStringSelection(SrPredictorSettings.blending(), "Blending",
            SrPredictorSettings.BLENDING));
        closeCurrentGroup();
        addDialogComponent(NonFiniteVoxels.dialogComponent());
        addDialogComponent(new DialogComponentStringSelection(SrPredictorSettings.contrast(),
            "Input contrast (warns when unlike the model's training data)", SrPredictorSettings.CONTRASTS));
    }
}
