package org.mrisr.nodes.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.connections.location.FSPathProvider;
import org.knime.filehandling.core.connections.location.MultiFSPathProviderFactory;
import org.knime.filehandling.core.data.location.FSLocationValue;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.ReadPathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.NodeModelStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;
import org.knime.filehandling.core.util.FSLocationColumnUtils;
import org.knime.filehandling.core.util.FSMissingMetadataException;
import org.mrisr.engine.nifti.NiftiFolder;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.common.NodePaths;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.common.VolumeTableNodeModel;
import org.mrisr.nodes.files.FileSystemPort;
import org.mrisr.nodes.files.FsPaths;

/**
 * Reads NIfTI files into a table: one row per file (row ID = file name without extension), a volume
 * cell plus its shape, voxel size, datatype, volume count and path. The files come from the "Read from"
 * file chooser (a file, the NIfTI files of a folder, or the files in a folder with the framework's filters)
 * or, with the optional table connected, from its path column (Path cells, e.g. of List Files/Folders, or
 * strings). Everything is read through the file system's streams, so files on a connected file system (Hub
 * space, S3, SMB...) are read like local ones.
 */
final class NiftiReaderNodeModel extends VolumeTableNodeModel<NiftiReaderSettings> {
    /** The port group of the optional table with a path column. */
    static final String TABLE_GROUP = "Paths";
    static final String COL_VOLUME = "Volume";
    static final String COL_PATH = "Path";

    private final int fsPort;
    private final int tablePort;

    NiftiReaderNodeModel(final PortsConfiguration ports) {
        super(ports.getInputPorts(), new NiftiReaderSettings(ports));
        fsPort = FileSystemPort.index(ports);
        tablePort = FileSystemPort.index(ports, TABLE_GROUP);
    }

    static DataTableSpec outSpec() {
        return new DataTableSpec(
            new DataColumnSpecCreator(COL_VOLUME, VolumeCell.TYPE).createSpec(),
            new DataColumnSpecCreator("nx", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("ny", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("nz", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Voxel x (mm)", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Voxel y (mm)", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Voxel z (mm)", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Datatype", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Volumes in file", LongCell.TYPE).createSpec(),
            new DataColumnSpecCreator(COL_PATH, StringCell.TYPE).createSpec());
    }

    /** Errors stop the node; warnings go to the node's warning (KNIME's readers do the same). */
    private static NodeModelStatusConsumer status() {
        return new NodeModelStatusConsumer(EnumSet.of(MessageType.ERROR, MessageType.WARNING));
    }

    /** The index of the path column (Path cells preferred, strings accepted) in a connected table. */
    private int pathColumn(final DataTableSpec spec) throws InvalidSettingsException {
        defaultToFirstColumn(settings().pathColumn, spec, FSLocationValue.class, "Path column");
        defaultToFirstColumn(settings().pathColumn, spec, StringValue.class, "Path column");
        String name = settings().pathColumn.getStringValue();
        int i = spec.findColumnIndex(name);
        if (i >= 0 && spec.getColumnSpec(i).getType().isCompatible(FSLocationValue.class)) {
            return i;
        }
        List<String> candidates = new ArrayList<>(VolumeColumns.compatible(spec, FSLocationValue.class));
        candidates.addAll(VolumeColumns.compatible(spec, StringValue.class));
        if (i < 0 || !spec.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("Path column: " + (name.isEmpty() ? "not set" : i < 0
                ? "the input table has no column '" + name + "'" : "column '" + name + "' holds neither paths nor strings")
                + "; its Path and string columns are " + (candidates.isEmpty() ? "none (connect a table of files, e.g. "
                    + "from List Files/Folders, or disconnect the table and choose a location)"
                    : "'" + String.join("', '", candidates) + "'"));
        }
        return i;
    }

    @Override
    protected DataTableSpec configureTable(final PortObjectSpec[] in) throws InvalidSettingsException {
        settings().validateValues();
        List<String> warnings = new ArrayList<>();
        if (tablePort >= 0 && in[tablePort] != null) {
            DataTableSpec spec = (DataTableSpec)in[tablePort];
            DataColumnSpec column = spec.getColumnSpec(pathColumn(spec));
            if (column.getType().isCompatible(FSLocationValue.class)) {
                try {
                    FSLocationColumnUtils.validateFSLocationColumn(column, FileSystemPort.spec(in, fsPort))
                        .ifPresent(warnings::add);
                } catch (FSMissingMetadataException e) {
                    throw new InvalidSettingsException(e.getMessage() + " (create it with a file-handling node such as "
                        + "List Files/Folders or String to Path)", e);
                }
            }
        } else {
            NodeModelStatusConsumer status = status();
            settings().input.configureInModel(in, status);
            status.setWarningsIfRequired(warnings::add);
        }
        String warning = NodeWarnings.join(warnings.toArray(String[]::new));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return outSpec();
    }

    @Override
    protected BufferedDataTable executeTable(final PortObject[] in, final ExecutionContext exec) throws Exception {
        NonFiniteVoxels nonFinite = NonFiniteVoxels.of(settings().nonFinite);
        VolumeRows rows = new VolumeRows(exec, outSpec(), settings().volumeIndex.getIntValue(),
            settings().skipBad.getBooleanValue(), nonFinite);
        List<String> warnings = new ArrayList<>();
        if (tablePort >= 0 && in[tablePort] != null) {
            readColumn((BufferedDataTable)in[tablePort], in, rows, exec);
        } else {
            readChosen(in, rows, exec, warnings);
        }
        warnings.add(nonFinite.warning());
        warnings.add(rows.skippedWarning());
        String warning = NodeWarnings.join(warnings.toArray(String[]::new));
        if (warning != null) {
            setWarningMessage(warning);
        }
        return rows.table();
    }

    /** The files of the file chooser, read while its file system is open (its paths die with it). */
    private void readChosen(final PortObject[] in, final VolumeRows rows, final ExecutionContext exec,
        final List<String> warnings) throws Exception {
        NodeModelStatusConsumer status = status();
        settings().input.configureInModel(FileSystemPort.specs(in), status);
        try (ReadPathAccessor accessor = settings().input.createReadPathAccessor()) {
            List<FSPath> listed = accessor.getFSPaths(status);
            FilterMode mode = settings().input.getFilterMode();
            List<FSPath> files = mode == FilterMode.FILE ? listed
                : mode == FilterMode.FOLDER ? niftiFilesIn(listed.get(0)) : niftiOnly(listed);
            if (files.isEmpty()) {
                FSPath root = accessor.getRootPath(status);
                throw new InvalidSettingsException("No NIfTI files (.nii, .nii.gz, .hdr) in folder "
                    + FsPaths.describe(root) + (listed.size() > (mode == FilterMode.FOLDER ? 1 : 0)
                        ? " (" + listed.size() + " other entries skipped)" : "")
                    + (mode == FilterMode.FILES_IN_FOLDERS && !settings().input.getFilterModeModel().isIncludeSubfolders()
                        ? "; tick 'Include subfolders' to search below it" : ""));
            }
            status.setWarningsIfRequired(warnings::add);
            for (int i = 0; i < files.size(); i++) {
                exec.checkCanceled();
                exec.setProgress(i / (double)files.size(),
                    "reading " + (i + 1) + "/" + files.size() + ": " + FsPaths.fileName(files.get(i)));
                rows.read(files.get(i));
            }
        }
    }

    /**
     * The files of the path column, each read while its file system is open. With the connection port every
     * path is on the connected file system; without, Path cells name their own file system and strings are
     * local paths or knime:// URLs, as typed in earlier versions' location field.
     */
    private void readColumn(final BufferedDataTable table, final PortObject[] in, final VolumeRows rows,
        final ExecutionContext exec) throws Exception {
        int col = pathColumn(table.getDataTableSpec());
        String column = settings().pathColumn.getStringValue();
        long n = table.size();
        long r = 0;
        try (MultiFSPathProviderFactory paths =
            new MultiFSPathProviderFactory(FileSystemPort.connection(in, fsPort).orElse(null))) {
            for (DataRow row : table) {
                exec.checkCanceled();
                String where = "Row " + row.getKey() + ", column '" + column + "'";
                exec.setProgress(r++ / (double)Math.max(1, n), "reading row " + r + "/" + n + " (" + row.getKey() + ")");
                FSLocation location = location(row.getCell(col), where);
                try (FSPathProvider provider = paths.getOrCreateFSPathProviderFactory(location).create(location)) {
                    FSPath path = provider.getPath();
                    if (FSFiles.isDirectory(path)) {
                        List<FSPath> files = niftiFilesIn(path);
                        if (files.isEmpty()) {
                            throw new InvalidSettingsException(where + ": no NIfTI files (.nii, .nii.gz, .hdr) in folder "
                                + FsPaths.describe(path));
                        }
                        for (FSPath f : files) {
                            rows.read(f);
                        }
                    } else if (FSFiles.exists(path)) {
                        rows.read(path);
                    } else {
                        throw new InvalidSettingsException(where + ": file or folder not found: " + FsPaths.describe(path));
                    }
                } catch (IllegalArgumentException e) {
                    // a path of a connected file system without the connection port
                    throw new InvalidSettingsException(where + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** A cell's location: a Path cell's own, or a string as the location field of earlier versions read it. */
    private FSLocation location(final DataCell cell, final String where) throws InvalidSettingsException {
        if (cell.isMissing()) {
            throw new InvalidSettingsException(where + ": the path is missing");
        }
        if (cell instanceof FSLocationValue) {
            return ((FSLocationValue)cell).getFSLocation();
        }
        String text = ((StringValue)cell).getStringValue();
        // with a connection port, MultiFSPathProviderFactory resolves any location on the connected file system
        return fsPort >= 0 ? new FSLocation(FSCategory.CONNECTED, text) : NodePaths.location(where, text);
    }

    /** The NIfTI files directly in a folder (not its subfolders, not hidden files), sorted by name. */
    private static List<FSPath> niftiFilesIn(final FSPath folder) throws IOException {
        List<FSPath> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : (Iterable<Path>)entries::iterator) {
                files.add((FSPath)p);
            }
        }
        List<FSPath> nifti = niftiOnly(files);
        nifti.removeIf(p -> !Files.isRegularFile(p) || FsPaths.fileName(p).startsWith("."));
        FSFiles.sortPathsLexicographically(nifti);
        return nifti;
    }

    /**
     * The NIfTI files among listed paths. The framework's extension filter is off unless the user turns it on,
     * so other files (notes, the .img halves of .hdr/.img pairs) are skipped here.
     */
    private static List<FSPath> niftiOnly(final List<FSPath> paths) {
        List<FSPath> out = new ArrayList<>();
        for (FSPath p : paths) {
            if (NiftiFolder.isNiftiName(FsPaths.fileName(p))) {
                out.add(p);
            }
        }
        return out;
    }
}
