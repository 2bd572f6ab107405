package org.mrisr.nodes.modelwriter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.WritePathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.NodeModelStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.SettingsNodeModel;
import org.mrisr.nodes.files.FileSettings;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.files.FsPaths;
import org.mrisr.nodes.files.IfExists;
import org.mrisr.nodes.files.LegacyLocations;
import org.mrisr.nodes.port.SrganModelPortObject;

/**
 * Writes the model on its port to an mrisr model file on any file system, readable by {@code ./mrisr predict
 * --model} and the SRGAN Model Reader. An existing file is replaced only with "If exists: overwrite"; the file
 * is written through the file system's output stream next to the target first and moved into place
 * (SrModel.save), so a failed write leaves no half file under its name.
 */
final class SrganModelWriterNodeModel extends SettingsNodeModel<FileSettings<SettingsModelWriterFileChooser>> {
    private final int modelPort;

    SrganModelWriterNodeModel(final PortsConfiguration ports) {
        super(ports.getInputPorts(), ports.getOutputPorts(), new FileSettings<>(ports, SrganModelWriterNodeModel::output,
            "file", (c, old) -> LegacyLocations.toWriter(c, old.getString("file"), old.getBoolean("overwrite", false),
                "Output file")));
        modelPort = FileSystemPort.index(ports, SrganModelWriterNodeFactory.MODEL_GROUP);
    }

    /**
     * "Write to": one file (.mrisr), missing folders created by default, If exists: fail (default) / overwrite /
     * ignore (0.1 saved a text "file" and an "overwrite" flag).
     */
    static SettingsModelWriterFileChooser output(final PortsConfiguration ports) {
        SettingsModelWriterFileChooser m = new SettingsModelWriterFileChooser("output", ports, FileSystemPort.GROUP,
            EnumConfig.create(FilterMode.FILE),
            EnumConfig.create(FileOverwritePolicy.FAIL, FileOverwritePolicy.OVERWRITE, FileOverwritePolicy.IGNORE),
            ".mrisr");
        m.setCreateMissingFolders(true);
        return m;
    }

    private static NodeModelStatusConsumer status() {
        return new NodeModelStatusConsumer(EnumSet.of(MessageType.ERROR, MessageType.WARNING));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        NodeModelStatusConsumer status = status();
        settings().chooser().configureInModel(inSpecs, status);
        status.setWarningsIfRequired(this::setWarningMessage);
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
        NodeModelStatusConsumer status = status();
        settings().chooser().configureInModel(FileSystemPort.specs(in), status);
        List<String> warnings = new ArrayList<>();
        try (WritePathAccessor accessor = settings().chooser().createWritePathAccessor()) {
            FSPath target = accessor.getOutputPath(status);
            status.setWarningsIfRequired(warnings::add);
            FSPath folder = (FSPath)target.toAbsolutePath().getParent();
            if (folder != null && !FSFiles.exists(folder) && !settings().chooser().isCreateMissingFolders()) {
                throw new InvalidSettingsException("Folder " + FsPaths.describe(folder) + " does not exist: tick "
                    + "'Create missing folders' or choose an existing folder");
            }
            if (IfExists.write(target, settings().chooser().getFileOverwritePolicy())) {
                ((SrganModelPortObject)in[modelPort]).model().save(target);
            } else {
                warnings.add("File " + FsPaths.describe(target) + " exists and was kept (If exists: ignore)");
            }
        }
        String warning = NodeWarnings.join(warnings.toArray(String[]::new));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new PortObject[0];
    }
}
