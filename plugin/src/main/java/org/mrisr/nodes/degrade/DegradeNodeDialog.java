package org.mrisr.nodes.degrade;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the Degrade node. */
final class DegradeNodeDialog extends DefaultNodeSettingsPane {
    DegradeNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(DegradeSettings.column(), "HR volume column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentString(DegradeSettings.outColumn(), "Output column name"));
        createNewGroup("Blur and downsampling");
        addDialogComponent(new DialogComponentNumber(DegradeSettings.sigma(), "Gaussian sigma (voxels)", 0.1));
        setHorizontalPlacement(true);
        addDialogComponent(new DialogComponentNumber(DegradeSettings.factor("x"), "Factor x", 0.5));
        addDialogComponent(new DialogComponentNumber(DegradeSettings.factor("y"), "y", 0.5));
        addDialogComponent(new DialogComponentNumber(DegradeSettings.factor("z"), "z", 0.5));
        setHorizontalPlacement(false);
        addDialogComponent(new DialogComponentNumber(DegradeSettings.order(), "Interpolation order (0, 1, 3)", 1));
        addDialogComponent(new DialogComponentBoolean(DegradeSettings.prefilter(), "Spline prefilter (order 3)"));
        closeCurrentGroup();
        createNewGroup("Noise");
        addDialogComponent(new DialogComponentNumber(DegradeSettings.noise(), "Rician noise (fraction of max)", 0.01));
        addDialogComponent(new DialogComponentNumber(DegradeSettings.seed(), "Seed", 1));
        closeCurrentGroup();
        addDialogComponent(NonFiniteVoxels.dialogComponent());
    }
}
