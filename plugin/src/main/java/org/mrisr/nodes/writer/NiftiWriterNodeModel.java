package org.mrisr.nodes.writer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.data.location.FSLocationValueMetaData;
import org.knime.filehandling.core.data.location.cell.SimpleFSLocationCellFactory;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.WritePathAccessor;
import org.knime.filehandling.core.defaultnodesettings.status.NodeModelStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.common.RowLoop;
import org.mrisr.nodes.common.SettingsNodeModel;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.files.FsPaths;
import org.mrisr.nodes.files.IfExists;

/**
 * Writes each row's volume to {@code <folder>/<pattern>.nii[.gz]} on the chosen file system (any connected
 * one too) and appends a Path column of the files written. All targets are checked before the first file
 * is written, so a name clash or an existing file (If exists: fail) fails the node without leaving half the
 * batch; each file goes to a hidden temporary sibling through the file system's output stream and is moved
 * over its name when complete (NiftiWriter), so no reader ever sees a partial file. No file ever holds a NaN or
 * infinite voxel: by default they are written as 0 with a warning naming the rows; under "refuse" every volume is
 * checked before the first file is written.
 */
final class NiftiWriterNodeModel extends SettingsNodeModel<NiftiWriterSettings> {
    /** The port group of the volume table. */
    static final String TABLE_GROUP = "Volumes";
    static final String COL_WRITTEN = "Written path";

    private final int fsPort;
    private final int tablePort;

    NiftiWriterNodeModel(final PortsConfiguration ports) {
        super(ports.getInputPorts(), ports.getOutputPorts(), new NiftiWriterSettings(ports));
        fsPort = FileSystemPort.index(ports);
        tablePort = FileSystemPort.index(ports, TABLE_GROUP);
    }

    private static NodeModelStatusConsumer status() {
        return new NodeModelStatusConsumer(EnumSet.of(MessageType.ERROR, MessageType.WARNING));
    }

    /** The input followed by the Path column, declaring the file system it points into (KNIME's meta data). */
    private static DataTableSpec outSpec(final DataTableSpec in, final FSLocationSpec fileSystem) {
        DataColumnSpecCreator c =
            new DataColumnSpecCreator(VolumeColumns.unique(in, COL_WRITTEN), SimpleFSLocationCellFactory.TYPE);
        c.addMetaData(new FSLocationValueMetaData(fileSystem.getFileSystemCategory(),
            fileSystem.getFileSystemSpecifier().orElse(null)), true);
        return new DataTableSpec(in, new DataTableSpec(c.createSpec()));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec)inSpecs[tablePort];
        defaultToFirstColumn(settings().volumeColumn, spec, VolumeValue.class, "Volume column");
        VolumeColumns.volumeColumn(spec, settings().volumeColumn.getStringValue(), "Volume column");
        settings().validateValues();
        FileNamePattern.parse(settings().pattern.getStringValue()).bind(spec);
        NodeModelStatusConsumer status = status();
        settings().output.configureInModel(inSpecs, status);
        status.setWarningsIfRequired(this::setWarningMessage);
        return new PortObjectSpec[] {outSpec(spec, settings().output.getLocation())};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable in = (BufferedDataTable)inObjects[tablePort];
        DataTableSpec spec = in.getDataTableSpec();
        int col = VolumeColumns.volumeColumn(spec, settings().volumeColumn.getStringValue(), "Volume column");
        FileNamePattern pattern = FileNamePattern.parse(settings().pattern.getStringValue());
        pattern.bind(spec);
        NodeModelStatusConsumer status = status();
        settings().output.configureInModel(FileSystemPort.specs(inObjects), status);
        FSLocationSpec fileSystem = settings().output.getLocation();
        DataTableSpec outSpec = outSpec(spec, fileSystem);
        List<String> warnings = new ArrayList<>();
        BufferedDataContainer out = exec.createDataContainer(outSpec);
        NonFiniteVoxels nonFinite = NonFiniteVoxels.of(settings().nonFinite);
        try (WritePathAccessor accessor = settings().output.createWritePathAccessor()) {
            FSPath folder = accessor.getOutputPath(status);
            status.setWarningsIfRequired(warnings::add);
            List<FSPath> targets = plan(in, col, pattern, folder, nonFinite, exec);
            writeRows(in, col, targets, nonFinite, new SimpleFSLocationCellFactory(fileSystem), out, exec);
            warnings.add(nonFinite.warning());
            warnings.add(skippedWarning(in, col, targets));
        }
        out.close();
        String warning = NodeWarnings.join(warnings.toArray(String[]::new));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new PortObject[] {out.getTable()};
    }

    /**
     * Every row's target, before anything is written: null for a row without volume and for an existing file
     * kept (If exists: ignore). Fails on a name clash, an existing file (If exists: fail), a missing folder
     * that may not be created, or (Non-finite voxels: refuse) a volume with NaN or infinite voxels; creates the
     * folder only when all targets are fine.
     */
    private List<FSPath> plan(final BufferedDataTable in, final int col, final FileNamePattern pattern,
        final FSPath folder, final NonFiniteVoxels nonFinite, final ExecutionContext exec) throws Exception {
        if (FSFiles.exists(folder) && !FSFiles.isDirectory(folder)) {
            throw new InvalidSettingsException("Output folder " + FsPaths.describe(folder) + " is a file, not a folder");
        }
        boolean create = !FSFiles.exists(folder);
        if (create && !settings().output.isCreateMissingFolders()) {
            throw new InvalidSettingsException("Output folder " + FsPaths.describe(folder) + " does not exist: tick "
                + "'Create missing folders' or choose an existing folder");
        }
        String ext = settings().gzip.getBooleanValue() ? ".nii.gz" : ".nii";
        FileOverwritePolicy policy = settings().output.getFileOverwritePolicy();
        List<FSPath> targets = new ArrayList<>();
        Map<FSPath, String> owner = new HashMap<>();
        for (DataRow row : in) {
            exec.checkCanceled();
            if (row.getCell(col).isMissing()) {
                targets.add(null);
                continue;
            }
            if (nonFinite.refuses()) {
                nonFinite.apply(((VolumeValue)row.getCell(col)).getVolume(), row.getKey().getString(), column(in, col));
            }
            FSPath t = (FSPath)folder.resolve(pattern.nameFor(row) + ext);
            String prev = owner.putIfAbsent(t, row.getKey().getString());
            if (prev != null) {
                throw new InvalidSettingsException("Rows '" + prev + "' and '" + row.getKey() + "' would both be written "
                    + "to " + FsPaths.describe(t) + ": change the file name pattern so that it is unique per row");
            }
            targets.add(create || IfExists.write(t, policy) ? t : null);
        }
        if (create) {
            FSFiles.createDirectories(folder);
        }
        return targets;
    }

    private static String column(final BufferedDataTable in, final int col) {
        return in.getDataTableSpec().getColumnSpec(col).getName();
    }

    private void writeRows(final BufferedDataTable in, final int col, final List<FSPath> targets,
        final NonFiniteVoxels nonFinite, final SimpleFSLocationCellFactory cells, final BufferedDataContainer out,
        final ExecutionContext exec) throws Exception {
        NiftiWriter writer = new NiftiWriter().storage(NiftiWriterSettings.INT16.equals(settings().storage.getStringValue())
            ? NiftiWriter.Storage.INT16_SCALED : NiftiWriter.Storage.FLOAT32);
        RowLoop.forEach(in, exec, row -> {
            FSPath t = targets.get((int)row.index());
            DataCell written = DataType.getMissingCell();
            if (t != null) {
                writer.writeVolume(nonFinite.apply(((VolumeValue)row.row().getCell(col)).getVolume(), row.key(),
                    column(in, col)), t);
                written = cells.createCell(t.toFSLocation());
            }
            out.addRowToTable(row.append(written));
        });
    }

    /** Rows without a volume, and existing files kept (If exists: ignore); null when every row was written. */
    private static String skippedWarning(final BufferedDataTable in, final int col, final List<FSPath> targets) {
        int missing = 0;
        List<String> kept = new ArrayList<>();
        int i = 0;
        for (DataRow row : in) {
            if (row.getCell(col).isMissing()) {
                missing++;
            } else if (targets.get(i) == null) {
                kept.add(row.getKey().getString());
            }
            i++;
        }
        return NodeWarnings.join(missing == 0 ? null : missing + " row(s) have no volume and were not written",
            kept.isEmpty() ? null : kept.size() + " file(s) existed and were kept (If exists: ignore), rows "
                + NodeWarnings.firstFew(kept, 5, ", "));
    }
}
