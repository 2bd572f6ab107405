package org.mrisr.knimeshim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mrisr.knimeshim.fs.FsTestSupport.ports;
import static org.mrisr.knimeshim.fs.FsTestSupport.saved;
import static org.mrisr.knimeshim.fs.FsTestSupport.viaXml;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;

/** Persistence of the file chooser settings models: KNIME's keys, round trips, old and changed settings. */
class FileChooserSettingsTest {
    private static final EnumConfig<FilterMode> MODES =
        EnumConfig.create(FilterMode.FILE, FilterMode.FOLDER, FilterMode.FILES_IN_FOLDERS);

    private static SettingsModelReaderFileChooser reader(final boolean withPort) {
        return new SettingsModelReaderFileChooser("input", ports(withPort), PathListerNodeFactory.FS_GROUP, MODES,
            ".nii", ".nii.gz");
    }

    private static SettingsModelWriterFileChooser writer(final EnumConfig<FileOverwritePolicy> policies) {
        return new SettingsModelWriterFileChooser("output", ports(false), PathListerNodeFactory.FS_GROUP,
            EnumConfig.create(FilterMode.FILE), policies, ".nii.gz");
    }

    @Test
    void readerSavesKnimesKeys() throws Exception {
        SettingsModelReaderFileChooser m = reader(false);
        m.setLocation(new FSLocation(FSCategory.RELATIVE, RelativeTo.WORKFLOW_DATA.getSettingsValue(), "scans"));
        m.getFilterModeModel().setFilterMode(FilterMode.FILES_IN_FOLDERS);
        m.getFilterModeModel().setIncludeSubfolders(true);
        NodeSettings s = saved(m);

        NodeSettingsRO internals = s.getNodeSettings("input_Internals");
        assertEquals("SMID_ReaderFileChooser", internals.getString("SettingsModelID"));
        assertTrue(internals.getBoolean("EnabledStatus"));
        NodeSettingsRO top = s.getNodeSettings("input");
        NodeSettingsRO fs = top.getNodeSettings("file_system_chooser__Internals");
        assertFalse(fs.getBoolean("has_fs_port"));
        assertFalse(fs.getBoolean("overwritten_by_variable"));
        assertEquals("RELATIVE", fs.getString("convenience_fs_category"));
        assertEquals("knime.workflow.data", fs.getString("relative_to"));
        assertEquals("LOCAL", fs.getString("mountpoint"));
        assertEquals("", fs.getString("spaceId"));
        assertEquals(10000, fs.getInt("custom_url_timeout"));
        assertTrue(fs.getBoolean("connected_fs"));
        NodeSettingsRO path = top.getNodeSettings("path");
        assertTrue(path.getBoolean("location_present"));
        assertEquals("RELATIVE", path.getString("file_system_type"));
        assertEquals("knime.workflow.data", path.getString("file_system_specifier"));
        assertEquals("scans", path.getString("path"));
        assertEquals("SMID_FilterMode", top.getNodeSettings("filter_mode_Internals").getString("SettingsModelID"));
        NodeSettingsRO filter = top.getNodeSettings("filter_mode");
        assertEquals("FILES_IN_FOLDERS", filter.getString("filter_mode"));
        assertTrue(filter.getBoolean("include_subfolders"));
        NodeSettingsRO options = filter.getNodeSettings("filter_options");
        assertFalse(options.getBoolean("filter_files_extension"), "the extensions of the model do not filter");
        assertEquals("", options.getString("files_extension_expression"));
        assertEquals("WILDCARD", options.getString("files_name_filter_type"));
        assertTrue(options.getBoolean("include_special_files"));
        assertTrue(options.getBoolean("follow_links"));
        assertEquals(15, options.keySet().size());
        assertEquals(Set.of("input", "input_Internals"), s.keySet());
    }

    @Test
    void readerRoundTripsThroughSettingsXml() throws Exception {
        SettingsModelReaderFileChooser m = reader(false);
        m.setLocation(new FSLocation(FSCategory.MOUNTPOINT, "LOCAL", "/group/data"));
        m.getFilterModeModel().setFilterMode(FilterMode.FOLDER);
        NodeSettingsRO xml = viaXml(saved(m));

        SettingsModelReaderFileChooser loaded = reader(false);
        loaded.validateSettings(xml);
        loaded.loadSettingsFrom(xml);
        assertEquals(new FSLocation(FSCategory.MOUNTPOINT, "LOCAL", "/group/data"), loaded.getLocation());
        assertEquals(FilterMode.FOLDER, loaded.getFilterMode());
        assertEquals(saved(m), saved(loaded));
        assertEquals(loaded.getLocation(), loaded.extractLocation(xml));
    }

    @Test
    void writerSavesPolicyTextAndCreateFolders() throws Exception {
        SettingsModelWriterFileChooser m =
            writer(EnumConfig.create(FileOverwritePolicy.FAIL, FileOverwritePolicy.OVERWRITE, FileOverwritePolicy.IGNORE));
        assertEquals(FileOverwritePolicy.FAIL, m.getFileOverwritePolicy());
        m.setFileOverwritePolicy(FileOverwritePolicy.OVERWRITE);
        m.setCreateMissingFolders(true);
        m.setLocation(new FSLocation(FSCategory.LOCAL, "/tmp/out.nii.gz"));
        NodeSettings s = saved(m);
        NodeSettingsRO top = s.getNodeSettings("output");
        assertEquals("overwrite", top.getString("if_path_exists"));
        assertTrue(top.getBoolean("create_missing_folders"));
        assertEquals("SMID_WriterFileChooser", s.getNodeSettings("output_Internals").getString("SettingsModelID"));
        assertFalse(top.containsKey("filter_mode"), "one filter mode and no folder modes: nothing to save");

        SettingsModelWriterFileChooser loaded =
            writer(EnumConfig.create(FileOverwritePolicy.FAIL, FileOverwritePolicy.OVERWRITE, FileOverwritePolicy.IGNORE));
        NodeSettingsRO xml = viaXml(s);
        loaded.validateSettings(xml);
        loaded.loadSettingsFrom(xml);
        assertEquals(FileOverwritePolicy.OVERWRITE, loaded.getFileOverwritePolicy());
        assertTrue(loaded.isCreateMissingFolders());
        assertEquals(new FSLocation(FSCategory.LOCAL, "/tmp/out.nii.gz"), loaded.getLocation());

        assertThrows(IllegalArgumentException.class, () -> loaded.setFileOverwritePolicy(FileOverwritePolicy.APPEND));
        SettingsModelWriterFileChooser noAppend =
            writer(EnumConfig.create(FileOverwritePolicy.FAIL, FileOverwritePolicy.IGNORE));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> noAppend.validateSettings(xml));
        assertEquals("The file overwrite policy 'overwrite' is not supported by this node.", e.getMessage());
    }

    @Test
    void writerWithoutPolicyChoiceSavesNoPolicy() throws Exception {
        SettingsModelWriterFileChooser m = writer(EnumConfig.create(FileOverwritePolicy.OVERWRITE));
        assertFalse(m.hasPolicyChoice());
        assertFalse(saved(m).getNodeSettings("output").containsKey("if_path_exists"));
    }

    @Test
    void oldStringPathSettingsAreNotFileChooserSettings() {
        NodeSettings old = new NodeSettings("model");
        old.addString("input", "knime://knime.workflow/../data/t1.nii.gz");
        SettingsModelReaderFileChooser m = reader(false);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.validateSettings(old));
        assertTrue(e.getMessage().contains("input"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> m.extractLocation(old));
    }

    @Test
    void settingsOfANodeWithoutPortLoadOntoTheConnectedFileSystem() throws Exception {
        SettingsModelReaderFileChooser plain = reader(false);
        plain.setLocation(new FSLocation(FSCategory.LOCAL, "/data/scans"));
        NodeSettingsRO xml = viaXml(saved(plain));

        SettingsModelReaderFileChooser connected = reader(true);
        connected.validateSettings(xml);
        connected.loadSettingsFrom(xml);
        assertEquals(FSCategory.CONNECTED, connected.getLocation().getFSCategory());
        assertEquals("/data/scans", connected.getPath(), "the path is kept");
        NodeSettings again = saved(connected);
        assertTrue(again.getNodeSettings("input").getNodeSettings("file_system_chooser__Internals").getBoolean("has_fs_port"));
        assertEquals("LOCAL", again.getNodeSettings("input").getNodeSettings("file_system_chooser__Internals")
            .getString("convenience_fs_category"), "remembers the file system to go back to");

        SettingsModelReaderFileChooser back = reader(false);
        back.loadSettingsFrom(viaXml(again));
        assertEquals(new FSLocation(FSCategory.LOCAL, "/data/scans"), back.getLocation(),
            "removing the port restores the convenience file system");
    }

    @Test
    void invalidSettingsFailWithKnimesMessages() throws Exception {
        SettingsModelReaderFileChooser m = reader(false);
        NodeSettings s = saved(m);
        s.getNodeSettings("input").getNodeSettings("filter_mode").addString("filter_mode", "EVERYTHING");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> reader(false).validateSettings(s));
        assertEquals("The provided string 'EVERYTHING' does not encode a FilterMode.", e.getMessage());

        NodeSettings t = saved(m);
        t.getNodeSettings("input").getNodeSettings("file_system_chooser__Internals").addString("relative_to", "knime.nowhere");
        e = assertThrows(InvalidSettingsException.class, () -> reader(false).validateSettings(t));
        assertEquals("Can't load relative to: Unknown relative to option 'knime.nowhere' encountered.", e.getMessage());

        NodeSettings u = saved(m);
        u.getNodeSettings("input").getNodeSettings("filter_mode").addString("filter_mode", "FOLDERS");
        e = assertThrows(InvalidSettingsException.class, () -> reader(false).validateSettings(u));
        assertEquals("The filter mode FOLDERS is not supported by this node.", e.getMessage());
    }

    @Test
    void customUrlNeedsTheFileModeAndForcesIt() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SettingsModelReaderFileChooser("input", ports(false), PathListerNodeFactory.FS_GROUP,
                EnumConfig.create(FilterMode.FILES_IN_FOLDERS)));
        assertTrue(e.getMessage().startsWith("FilterMode.FILE must be among the selectable filter modes"));
        new SettingsModelReaderFileChooser("input", ports(false), PathListerNodeFactory.FS_GROUP,
            EnumConfig.create(FilterMode.FILES_IN_FOLDERS), FSCategory.getStandardNonTrivialFSCategories());

        SettingsModelReaderFileChooser m = reader(false);
        m.getFilterModeModel().setFilterMode(FilterMode.FILES_IN_FOLDERS);
        m.setLocation(new FSLocation(FSCategory.CUSTOM_URL, "10000", "knime://knime.workflow/../data/a.nii"));
        assertFalse(m.canListFiles());
        assertEquals(FilterMode.FILE, m.getFilterMode());
        assertFalse(m.getFilterModeModel().isEnabled());
        assertFalse(saved(m).getNodeSettings("input").getNodeSettings("filter_mode_Internals").getBoolean("EnabledStatus"));
    }

    @Test
    void locationsOfFileSystemsNotOfferedAreIgnored() {
        SettingsModelReaderFileChooser m = new SettingsModelReaderFileChooser("input", ports(false),
            PathListerNodeFactory.FS_GROUP, MODES, EnumSet.of(FSCategory.LOCAL, FSCategory.RELATIVE));
        m.setLocation(new FSLocation(FSCategory.MOUNTPOINT, "LOCAL", "/x"));
        assertEquals(FSCategory.LOCAL, m.getLocation().getFSCategory());
        m.setPath("/data");
        assertEquals(new FSLocation(FSCategory.LOCAL, "/data"), m.getLocation());
    }
}
