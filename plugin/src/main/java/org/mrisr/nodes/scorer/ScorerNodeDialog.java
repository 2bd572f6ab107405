package org.mrisr.nodes.scorer;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Dialog of the PSNR/SSIM Scorer. */
final class ScorerNodeDialog extends DefaultNodeSettingsPane {
    ScorerNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(ScorerSettings.referenceColumn(),
            "Reference (ground truth) column", 0, VolumeValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(ScorerSettings.testColumn(), "Test column", 0,
            VolumeValue.class));
        createNewGroup("Mask");
        SettingsModelString source = ScorerSettings.maskSource();
        SettingsModelString maskColumn = ScorerSettings.maskColumn();
        addDialogComponent(new DialogComponentStringSelection(source, "Mask", ScorerSettings.MASK_NONE,
            ScorerSettings.MASK_AUTO, ScorerSettings.MASK_COLUMN));
        // Not required (a table without a third volume column can still be scored without a mask), and with a
        // "<none>" choice: without it KNIME selects a volume column on opening, so OK would change the settings.
        addDialogComponent(new DialogComponentColumnNameSelection(maskColumn, "Mask column", 0, false, true,
            VolumeValue.class));
        addDialogComponent(new DialogComponentStringSelection(ScorerSettings.maskMode(), "Mask mode",
            ScorerSettings.MODE_DEFAULT, MaskMode.MULTIPLY.label(), MaskMode.SELECT.label()));
        source.addChangeListener(e -> maskColumn.setEnabled(ScorerSettings.MASK_COLUMN.equals(source.getStringValue())));
        maskColumn.setEnabled(false);
        closeCurrentGroup();
        addDialogComponent(new DialogComponentStringSelection(ScorerSettings.region(), "Scored region",
            ScorerSettings.REGION_ALL, ScorerSettings.REGION_HEAD_BOX));
        createNewGroup("Metrics");
        addDialogComponent(new DialogComponentStringSelection(ScorerSettings.window(), "SSIM window",
            SsimWindow.UNIFORM7.label(), SsimWindow.GAUSS11.label()));
        SettingsModelString range = ScorerSettings.range();
        SettingsModelDoubleBounded fixed = ScorerSettings.fixedRange();
        addDialogComponent(new DialogComponentStringSelection(range, "Data range", ScorerSettings.RANGE_PAPER,
            ScorerSettings.RANGE_REFERENCE, ScorerSettings.RANGE_FIXED));
        addDialogComponent(new DialogComponentNumber(fixed, "Fixed data range", 1.0));
        range.addChangeListener(e -> fixed.setEnabled(ScorerSettings.RANGE_FIXED.equals(range.getStringValue())));
        fixed.setEnabled(false);
        closeCurrentGroup();
        addDialogComponent(NonFiniteVoxels.dialogComponent());
    }
}
