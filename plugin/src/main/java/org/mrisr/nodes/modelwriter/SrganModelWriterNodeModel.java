package org.mrisr.nodes.modelwriter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.common.NodePaths;

/**
 * Writes the model on its port to an mrisr model file, readable by {@code ./mrisr predict --model}
 * and the SRGAN Model Reader. An existing file is replaced only when "overwrite" is ticked; the file
 * is written next to the target first and moved into place, so a failed write leaves no half file.
 */
final class SrganModelWriterNodeModel extends NodeModel {
    private final SrganModelWriterSettings settings = new SrganModelWriterSettings();

    SrganModelWriterNodeModel() {
        super(new PortType[] {SrganModelPortObject.TYPE}, new PortType[0]);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        Path target = NodePaths.resolve("Model file", settings.file.getStringValue());
        if (Files.exists(target) && !settings.overwrite.getBooleanValue()) {
            // a warning only: after a run the file exists, and re-configuring must not fail
            setWarningMessage("File " + target + " exists; execution fails unless 'Overwrite existing file' is ticked");
        }
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
        Path target = NodePaths.resolve("Model file", settings.file.getStringValue()).toAbsolutePath();
        if (Files.exists(target) && !settings.overwrite.getBooleanValue()) {
            throw new InvalidSettingsException("File " + target + " already exists: tick 'Overwrite existing file' or"
                + " choose another file name");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path tmp = Files.createTempFile(target.getParent(), ".mrisr-write", ".tmp");
        try {
            ((SrganModelPortObject)in[0]).model().save(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new PortObject[0];
    }

    @Override
    protected void reset() {
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO s) {
        settings.save(s);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        settings.load(s);
    }

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec) {
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) {
    }
}
