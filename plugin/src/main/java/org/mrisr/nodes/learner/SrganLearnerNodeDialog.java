package org.mrisr.nodes.learner;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.mrisr.nodes.cell.VolumeValue;

/** Dialog of the SRGAN Learner: data and model on the first tab, optimiser and losses on the second. */
final class SrganLearnerNodeDialog extends DefaultNodeSettingsPane {
    SrganLearnerNodeDialog() {
        createNewGroup("Patches (training and validation tables)");
        addDialogComponent(new DialogComponentColumnNameSelection(SrganLearnerSettings.hrColumn(), "HR patch column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(SrganLearnerSettings.lrColumn(), "LR patch column", 0,
            VolumeValue.class));
        addDialogComponent(new DialogComponentString(SrganLearnerSettings.groupColumn(),
            "Source column (normalisation groups; empty = whole table)"));
        closeCurrentGroup();
        createNewGroup("Model");
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.factor(), "Factor", 2));
        addDialogComponent(new DialogComponentStringSelection(SrganLearnerSettings.upsampling(), "Upsampling",
            SrganLearnerSettings.UPSAMPLING));
        closeCurrentGroup();
        createNewGroup("Run");
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.steps(), "Steps", 100));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.epochs(), "Epochs (0 = use steps)", 1));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.batch(), "Batch size", 1));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.seed(), "Seed", 1));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.validationEvery(),
            "Validate every N steps (0 = after the last)", 10));
        closeCurrentGroup();
        createNewGroup("Checkpoints");
        addDialogComponent(new DialogComponentFileChooser(SrganLearnerSettings.checkpointFolder(), "mrisr-learner-checkpoint",
            JFileChooser.SAVE_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.checkpointEvery(),
            "Checkpoint every N steps (0 = at the end only)", 10));
        closeCurrentGroup();

        createNewTab("Optimiser and losses");
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.lrG(), "Learning rate G", 1e-5));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.lrD(), "Learning rate D", 1e-5));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.adversarial(), "Adversarial weight (alpha)", 1e-3));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.mse(), "MSE weight", 0.1));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.gdl(), "GDL weight", 0.1));
        addDialogComponent(new DialogComponentStringSelection(SrganLearnerSettings.labels(), "Label smoothing",
            SrganLearnerSettings.LABELS));
        addDialogComponent(new DialogComponentBoolean(SrganLearnerSettings.onLogits(), "Least squares on D logits"));
        addDialogComponent(new DialogComponentNumber(SrganLearnerSettings.pretrain(), "Pretraining steps (content loss only)",
            10));
        addDialogComponent(new DialogComponentBoolean(SrganLearnerSettings.augment(), "Augment (flips, 90\u00b0 rotations)"));
        addDialogComponent(new DialogComponentBoolean(SrganLearnerSettings.intensityAugment(),
            "Intensity augmentation (scale, LR noise)"));
    }
}
