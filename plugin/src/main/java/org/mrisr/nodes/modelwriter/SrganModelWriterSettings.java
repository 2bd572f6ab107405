package org.mrisr.nodes.modelwriter;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.common.NodeSettingsGroup;

/** Settings of the SRGAN Model Writer: target file and whether an existing file may be replaced. */
final class SrganModelWriterSettings extends NodeSettingsGroup {
    final SettingsModelString file = file();
    final SettingsModelBoolean overwrite = overwrite();

    static SettingsModelString file() {
        return new SettingsModelString("file", "");
    }

    static SettingsModelBoolean overwrite() {
        return new SettingsModelBoolean("overwrite", false);
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(file, overwrite);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        if (file.getStringValue().isBlank()) {
            throw new InvalidSettingsException("No output file given: choose where the model file is written (.mrisr)");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new SrganModelWriterSettings();
    }
}
