package org.mrisr.nodes.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.data.location.FSLocationValueMetaData;
import org.knime.filehandling.core.data.location.cell.SimpleFSLocationCellFactory;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.port.FileSystemPortObject;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.files.FileSystemPort;

/** File nodes in tests: with the connection port, Path tables as List Files/Folders makes them, NIfTI fixtures. */
public final class FsNodes {
    private FsNodes() {
    }

    /** The node as KNIME creates it after the user added the "File System Connection" port. */
    public static <T extends NodeModel> T withConnection(final ConfigurableNodeFactory<T> factory) {
        return ShimNodeCreation.createNodeModel(factory,
            ShimNodeCreation.withPort(factory, FileSystemPort.GROUP, FileSystemPortObject.TYPE));
    }

    /**
     * Sets a file chooser, saved under {@code key}, to a local path: an edit of saved settings for tests that
     * configure nodes by settings (KNIME's keys: the location under "path", its file system in the internals).
     */
    public static Consumer<NodeSettings> local(final String key, final String path) {
        return s -> {
            try {
                NodeSettings chooser = s.getNodeSettings(key);
                chooser.getNodeSettings("file_system_chooser__Internals").addString("convenience_fs_category",
                    FSCategory.LOCAL.name());
                NodeSettings location = chooser.getNodeSettings("path");
                location.addBoolean("location_present", true);
                location.addString("file_system_type", FSCategory.LOCAL.name());
                location.addString("path", path);
            } catch (InvalidSettingsException e) {
                throw new IllegalArgumentException("no file chooser saved under " + key, e);
            }
        };
    }

    /** Sets a file chooser, saved under {@code key}, to a path on the connected file system with the specifier. */
    public static Consumer<NodeSettings> connected(final String key, final String specifier, final String path) {
        return s -> {
            try {
                NodeSettings location = s.getNodeSettings(key).getNodeSettings("path");
                location.addString("file_system_type", FSCategory.CONNECTED.name());
                location.addString("file_system_specifier", specifier);
                location.addString("path", path);
            } catch (InvalidSettingsException e) {
                throw new IllegalArgumentException("no file chooser saved under " + key, e);
            }
        };
    }

    /** Sets a reader's file chooser, saved under {@code key}, to the filter mode. */
    public static Consumer<NodeSettings> mode(final String key, final FilterMode mode, final boolean subfolders) {
        return s -> {
            try {
                NodeSettings filter = s.getNodeSettings(key).getNodeSettings("filter_mode");
                filter.addString("filter_mode", mode.name());
                filter.addBoolean("include_subfolders", subfolders);
            } catch (InvalidSettingsException e) {
                throw new IllegalArgumentException("no file chooser with filter modes saved under " + key, e);
            }
        };
    }

    /** The location of a node's file chooser saved under {@code key}, read from the settings it saves. */
    public static FSLocation location(final NodeModel node, final String key) throws InvalidSettingsException {
        NodeSettings location = ShimHeadless.saveSettings(node).getNodeSettings(key).getNodeSettings("path");
        return new FSLocation(location.getString("file_system_type"), location.getString("file_system_specifier", null),
            location.getString("path"));
    }

    /** Sets a writer's file chooser, saved under {@code key}, to the "If exists" policy. */
    public static Consumer<NodeSettings> ifExists(final String key, final FileOverwritePolicy policy) {
        return s -> {
            try {
                s.getNodeSettings(key).addString("if_path_exists", policy.getText());
            } catch (InvalidSettingsException e) {
                throw new IllegalArgumentException("no file chooser saved under " + key, e);
            }
        };
    }

    /** A table with one Path column (with the column meta data KNIME's nodes give it) of the locations. */
    public static BufferedDataTable pathTable(final String column, final FSLocation... locations) {
        DataColumnSpecCreator c = new DataColumnSpecCreator(column, SimpleFSLocationCellFactory.TYPE);
        c.addMetaData(new FSLocationValueMetaData(locations[0].getFileSystemCategory(),
            locations[0].getFileSystemSpecifier().orElse(null)), true);
        DataTableSpec spec = new DataTableSpec(c.createSpec());
        SimpleFSLocationCellFactory cells = new SimpleFSLocationCellFactory(locations[0]);
        DataRow[] rows = new DataRow[locations.length];
        for (int i = 0; i < locations.length; i++) {
            rows[i] = NodeTestKit.row("Row" + i, cells.createCell(locations[i]));
        }
        return NodeTestKit.table(spec, rows);
    }

    /**
     * Writes the volume as an Analyze-style pair {@code hdr} + {@code img} (NIfTI-1 magic "ni1", voxels from
     * byte 0 of the .img), through the paths' file system: the single-file .nii with its header patched.
     */
    public static void writePair(final Volume v, final Path hdr, final Path img) throws IOException {
        Path nii = Files.createTempFile("mrisr-pair", ".nii");
        try {
            NiftiWriter.write(v, nii);
            byte[] all = Files.readAllBytes(nii);
            ByteBuffer header = ByteBuffer.wrap(Arrays.copyOf(all, 348)).order(ByteOrder.LITTLE_ENDIAN);
            header.putFloat(108, 0f); // vox_offset: voxels start the .img
            header.put(344, (byte)'n').put(345, (byte)'i').put(346, (byte)'1').put(347, (byte)0);
            Files.write(hdr, header.array());
            Files.write(img, Arrays.copyOfRange(all, 352, all.length));
        } finally {
            Files.delete(nii);
        }
    }
}
