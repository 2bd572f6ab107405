package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.knimeshim.fs.FsTestSupport.ports;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;

import javax.swing.JPanel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.FileSystemBrowser.DialogType;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.data.location.variable.FSLocationVariableType;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.DialogComponentWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.port.FileSystemPortObject;

/** The file chooser dialog components, built headless: load, save, and what they refuse. */
class FileChooserDialogTest {
    @TempDir
    Path m_tmp;

    @Test
    void readerDialogSavesWhatTheModelSaves() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the shim tests run headless");
        PathListerNodeFactory f = new PathListerNodeFactory();
        PathListerNodeModel model = ShimNodeCreation.createNodeModel(f);
        model.input().setLocation(new FSLocation(FSCategory.LOCAL, m_tmp.toString()));
        model.input().getFilterModeModel().setFilterMode(FilterMode.FILES_IN_FOLDERS);
        NodeSettings fromModel = ShimHeadless.saveSettings(model);

        NodeDialogPane dialog = ShimNodeCreation.createNodeDialogPane(f);
        ShimHeadless.loadDialog(dialog, fromModel, new PortObjectSpec[0]);
        NodeSettings fromDialog = new NodeSettings("model");
        ShimHeadless.saveDialog(dialog, fromDialog);
        assertEquals(fromModel, fromDialog);
        assertEquals(DialogType.OPEN_DIALOG, ((PathListerNodeDialog)dialog).chooser().getDialogType());
        assertEquals(FSCategory.LOCAL, ((PathListerNodeDialog)dialog).chooser().getSettingsModel().getLocation()
            .getFSCategory());
    }

    @Test
    void aDialogWithTheFileSystemPortNeedsItsSpec() throws Exception {
        PathListerNodeFactory f = new PathListerNodeFactory();
        NodeDialogPane dialog = ShimNodeCreation.createNodeDialogPane(f,
            ShimNodeCreation.withPort(f, PathListerNodeFactory.FS_GROUP, FileSystemPortObject.TYPE));
        NodeSettingsRO empty = new NodeSettings("model");
        NotConfigurableException e = assertThrows(NotConfigurableException.class,
            () -> ShimHeadless.loadDialog(dialog, empty, new PortObjectSpec[]{null}));
        assertEquals("No file system connected", e.getMessage());
        try (ShimConnector zip = ShimConnector.zip(m_tmp.resolve("z.zip"))) {
            ShimHeadless.loadDialog(dialog, empty, new PortObjectSpec[]{zip.spec()});
            NodeSettings saved = new NodeSettings("model");
            ShimHeadless.saveDialog(dialog, saved);
            assertEquals("CONNECTED", saved.getNodeSettings("input").getNodeSettings("path").getString("file_system_type"));
            assertEquals("shim-zip:z.zip",
                saved.getNodeSettings("input").getNodeSettings("path").getString("file_system_specifier"));
        }
    }

    @Test
    void writerDialogShowsAndSavesThePolicy() throws Exception {
        SettingsModelWriterFileChooser model = new SettingsModelWriterFileChooser("output", ports(false),
            PathListerNodeFactory.FS_GROUP, EnumConfig.create(FilterMode.FILE),
            EnumConfig.create(FileOverwritePolicy.FAIL, FileOverwritePolicy.OVERWRITE));
        NodeDialogPane pane = ShimNodeCreation.createNodeDialogPane(new PathListerNodeFactory());
        FlowVariableModel fvm = pane.createFlowVariableModel(model.getKeysForFSLocation(), FSLocationVariableType.INSTANCE);
        DialogComponentWriterFileChooser c = new DialogComponentWriterFileChooser(model, "writer", fvm);
        assertEquals(DialogType.SAVE_DIALOG, c.getDialogType());
        assertTrue(c.getComponentPanel() instanceof JPanel);
        model.setLocation(new FSLocation(FSCategory.LOCAL, m_tmp.resolve("out.nii.gz").toString()));
        model.setFileOverwritePolicy(FileOverwritePolicy.OVERWRITE);
        NodeSettings saved = new NodeSettings("model");
        c.saveSettingsTo(saved);
        assertEquals("overwrite", saved.getNodeSettings("output").getString("if_path_exists"));
        model.setFileOverwritePolicy(FileOverwritePolicy.FAIL);
        c.loadSettingsFrom(saved, new PortObjectSpec[0]);
        assertEquals(FileOverwritePolicy.OVERWRITE, model.getFileOverwritePolicy());
        assertEquals(new String[]{"output", "path"}.length, fvm.getKeys().length);
    }
}
