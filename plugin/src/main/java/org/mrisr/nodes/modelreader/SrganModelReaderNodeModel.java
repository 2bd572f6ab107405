package org.mrisr.nodes.modelreader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.ReadPathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.NodeModelStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.SettingsNodeModel;
import org.mrisr.nodes.files.FileSettings;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.files.FsPaths;
import org.mrisr.nodes.files.LegacyLocations;
import org.mrisr.nodes.port.ModelHeader;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;

/**
 * Reads an mrisr model file (from ./mrisr train, the SRGAN Model Writer or shipped) onto a model port, from any
 * file system: the spec comes from model.json at configure time when the file system is reachable then (not
 * before a connector node has executed), the weights at execution, both through the file system's streams.
 */
final class SrganModelReaderNodeModel extends SettingsNodeModel<FileSettings<SettingsModelReaderFileChooser>> {
    SrganModelReaderNodeModel(final PortsConfiguration ports) {
        super(ports.getInputPorts(), ports.getOutputPorts(), new FileSettings<>(ports,
            SrganModelReaderNodeModel::input, "file", (c, old) -> LegacyLocations.toLocation(c, old.getString("file"),
                "Model file")));
    }

    /** "Read from": one model file (.mrisr or .zip) on any file system (0.1 saved it as text "file"). */
    static SettingsModelReaderFileChooser input(final PortsConfiguration ports) {
        return new SettingsModelReaderFileChooser("input", ports, FileSystemPort.GROUP, EnumConfig.create(FilterMode.FILE),
            ".mrisr", ".zip");
    }

    private static NodeModelStatusConsumer status() {
        return new NodeModelStatusConsumer(EnumSet.of(MessageType.ERROR, MessageType.WARNING));
    }

    /** The spec the file gives (model.json only), read while the file system is open. */
    private static SrganModelPortObjectSpec spec(final FSPath file) throws InvalidSettingsException {
        try {
            return ModelHeader.spec(file);
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(e.getMessage() + FsPaths.where(file), e);
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        NodeModelStatusConsumer status = status();
        settings().chooser().configureInModel(inSpecs, status);
        status.setWarningsIfRequired(this::setWarningMessage);
        if (!settings().chooser().canCreateConnection()) {
            return new PortObjectSpec[] {null}; // known once the connector has executed
        }
        try (ReadPathAccessor accessor = settings().chooser().createReadPathAccessor()) {
            return new PortObjectSpec[] {spec(accessor.getFSPaths(status).get(0))};
        } catch (IOException e) {
            throw new InvalidSettingsException("Model file " + settings().chooser().getLocation().getPath()
                + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
        NodeModelStatusConsumer status = status();
        settings().chooser().configureInModel(FileSystemPort.specs(in), status);
        List<String> warnings = new ArrayList<>();
        SrModel model;
        try (ReadPathAccessor accessor = settings().chooser().createReadPathAccessor()) {
            FSPath file = accessor.getFSPaths(status).get(0);
            status.setWarningsIfRequired(warnings::add);
            spec(file);
            warnings.add(SrganBackend.init());
            try {
                model = SrModel.load(file); // checks the file, then reads it: two passes through its input stream
            } catch (InvalidInputException e) {
                throw new InvalidSettingsException("Model file " + e.getMessage() + FsPaths.where(file), e);
            }
        }
        String warning = NodeWarnings.join(warnings.toArray(String[]::new));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new PortObject[] {new SrganModelPortObject(model)};
    }
}
