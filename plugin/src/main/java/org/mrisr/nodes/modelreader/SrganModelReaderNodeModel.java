package org.mrisr.nodes.modelreader;

import java.io.File;
import java.nio.file.Path;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.nodes.port.ModelHeader;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.common.NodePaths;

/** Reads an mrisr model file (from ./mrisr train, the SRGAN Model Writer or shipped) onto a model port. */
final class SrganModelReaderNodeModel extends NodeModel {
    private final SrganModelReaderSettings settings = new SrganModelReaderSettings();

    SrganModelReaderNodeModel() {
        super(new PortType[0], new PortType[] {SrganModelPortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        settings.validateValues();
        return new PortObjectSpec[] {ModelHeader.spec(NodePaths.resolve("Model file", settings.file.getStringValue()))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
        Path file = NodePaths.resolve("Model file", settings.file.getStringValue());
        ModelHeader.spec(file);
        String warning = SrganBackend.init();
        SrModel model;
        try {
            model = SrModel.load(file);
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Model file " + e.getMessage(), e);
        }
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new PortObject[] {new SrganModelPortObject(model)};
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
