package org.mrisr.nodes.modelreader;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.common.NodeSettingsGroup;

/** Settings of the SRGAN Model Reader: the model file. */
final class SrganModelReaderSettings extends NodeSettingsGroup {
    final SettingsModelString file = file();

    static SettingsModelString file() {
        return new SettingsModelString("file", "");
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(file);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        if (file.getStringValue().isBlank()) {
            throw new InvalidSettingsException("No model file given: choose an mrisr model file (.mrisr or .zip)");
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new SrganModelReaderSettings();
    }
}
