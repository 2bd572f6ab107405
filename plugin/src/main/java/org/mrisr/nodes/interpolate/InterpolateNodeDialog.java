package org.mrisr.nodes.interpolate;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the Interpolate node. */
final class InterpolateNodeDialog extends DefaultNodeSettingsPane {
    InterpolateNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(InterpolateSettings.column(), "LR volume column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentString(InterpolateSettings.outColumn(), "Output column name"));
        addDialogComponent(new DialogComponentStringSelection(InterpolateSettings.method(), "Method",
            InterpolateSettings.NEAREST, InterpolateSettings.LINEAR, InterpolateSettings.CUBIC));
        addDialogComponent(new DialogComponentBoolean(InterpolateSettings.prefilter(), "Spline prefilter (cubic)"));
        setHorizontalPlacement(true);
        addDialogComponent(new DialogComponentNumber(InterpolateSettings.factor("x"), "Factor x", 0.5));
        addDialogComponent(new DialogComponentNumber(InterpolateSettings.factor("y"), "y", 0.5));
        addDialogComponent(new DialogComponentNumber(InterpolateSettings.factor("z"), "z", 0.5));
        setHorizontalPlacement(false);
        SettingsModelBoolean match = InterpolateSettings.matchShape();
        SettingsModelString shape = InterpolateSettings.shapeColumn();
        addDialogComponent(new DialogComponentBoolean(match, "Match the shape of another column (instead of factors)"));
        // Optional, with a "<none>" choice so that opening the dialog leaves an unset shape column unset.
        addDialogComponent(new DialogComponentColumnNameSelection(shape, "Shape column", 0, false, true,
            VolumeValue.class));
        match.addChangeListener(e -> shape.setEnabled(match.getBooleanValue()));
        shape.setEnabled(false);
        addDialogComponent(NonFiniteVoxels.dialogComponent());
    }
}
