package org.mrisr.knimeshim.fs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.config.Config;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractSettingsModelFileChooser;
import org.knime.filehandling.core.port.FileSystemPortObject;

/** Ports, settings and file trees for the file-handling tests. */
final class FsTestSupport {
    private FsTestSupport() {
    }

    /** The test reader's ports, with or without its optional file system port. */
    static PortsConfiguration ports(final boolean withFileSystemPort) {
        PathListerNodeFactory f = new PathListerNodeFactory();
        return (withFileSystemPort
            ? ShimNodeCreation.withPort(f, PathListerNodeFactory.FS_GROUP, FileSystemPortObject.TYPE)
            : f.createNodeCreationConfig()).getPortConfig().orElseThrow();
    }

    /** The settings after saving to and loading from settings.xml. */
    static NodeSettingsRO viaXml(final NodeSettings s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
    }

    static NodeSettings saved(final AbstractSettingsModelFileChooser<?> model) {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    /**
     * Turns on the extension filter the way KNIME's filter options dialog does: in the saved settings, which the
     * model then loads (nodes cannot set it in code).
     */
    static void filterExtensions(final AbstractSettingsModelFileChooser<?> model, final String extensions)
        throws InvalidSettingsException {
        NodeSettings s = saved(model);
        Config options = s.getNodeSettings(model.getKeysForFSLocation()[0]).getNodeSettings("filter_mode")
            .getConfig("filter_options");
        options.addBoolean("filter_files_extension", true);
        options.addString("files_extension_expression", extensions);
        model.loadSettingsFrom(s);
    }

    /**
     * Files for listings: a.nii, b.nii.gz, notes.txt, .hidden.nii, sub/d.nii, sub/e.txt (contents: their names).
     */
    static Path scans(final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (String name : new String[]{"a.nii", "b.nii.gz", "notes.txt", ".hidden.nii", "sub/d.nii", "sub/e.txt"}) {
            Files.write(dir.resolve(name), name.getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }
}
