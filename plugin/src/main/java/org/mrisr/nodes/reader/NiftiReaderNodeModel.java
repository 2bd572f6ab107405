package org.mrisr.nodes.reader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nifti.NiftiFolder;
import org.mrisr.engine.nifti.NiftiImage;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.common.NodePaths;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.VolumeCells;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.common.VolumeTableNodeModel;

/**
 * Reads NIfTI files into a table: one row per file (row ID = file name without extension), a volume
 * cell plus its shape, voxel size, datatype, volume count and path.
 */
final class NiftiReaderNodeModel extends VolumeTableNodeModel<NiftiReaderSettings> {
    static final String COL_VOLUME = "Volume";
    static final String COL_PATH = "Path";

    NiftiReaderNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE_OPTIONAL}, new NiftiReaderSettings());
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

    /** The index of the path column in a connected input table. */
    private int pathColumn(final DataTableSpec spec) throws InvalidSettingsException {
        defaultToFirstColumn(settings().pathColumn, spec, StringValue.class, "Path column");
        return VolumeColumns.column(spec, settings().pathColumn.getStringValue(), "Path column", StringValue.class,
            "string", "connect a table with file paths, or disconnect the input and enter a location");
    }

    @Override
    protected DataTableSpec configureTable(final PortObjectSpec[] in) throws InvalidSettingsException {
        settings().validateValues();
        if (in[0] != null) {
            pathColumn((DataTableSpec)in[0]);
            return outSpec();
        }
        settings().checkLocation();
        for (Path p : settings().paths()) {
            if (!Files.exists(p)) {
                throw new InvalidSettingsException("File or folder not found: " + p
                    + " (check the path in the node dialog; several paths are separated by ';')");
            }
        }
        return outSpec();
    }

    /** The files to read: the given files, plus the NIfTI files of the given folders. */
    List<Path> files(final BufferedDataTable in) throws InvalidSettingsException {
        List<Path> paths = settings().paths();
        if (in != null) {
            int col = pathColumn(in.getDataTableSpec());
            paths = new ArrayList<>();
            for (DataRow r : in) {
                DataCell c = r.getCell(col);
                if (c.isMissing()) {
                    throw new InvalidSettingsException("Row " + r.getKey() + ": the path is missing");
                }
                paths.add(NodePaths.resolve("Row " + r.getKey() + ", column '" + settings().pathColumn.getStringValue() + "'",
                    ((StringValue)c).getStringValue()));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = NiftiFolder.list(p, settings().recursive.getBooleanValue());
                if (found.isEmpty()) {
                    throw new InvalidSettingsException("No NIfTI files (.nii, .nii.gz, .hdr) in folder " + p
                        + (settings().recursive.getBooleanValue() ? "" : " (tick 'Include subfolders' to search below it)"));
                }
                files.addAll(found);
            } else if (Files.isRegularFile(p) || in == null) {
                files.add(p);
            } else {
                throw new InvalidSettingsException("File or folder not found: " + p + " (from column '"
                    + settings().pathColumn.getStringValue() + "')");
            }
        }
        return files;
    }

    @Override
    protected BufferedDataTable executeTable(final PortObject[] in, final ExecutionContext exec) throws Exception {
        List<Path> files = files((BufferedDataTable)in[0]);
        NiftiReader reader = new NiftiReader().volume(settings().volumeIndex.getIntValue());
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        VolumeCells cells = new VolumeCells(exec);
        Set<String> keys = new HashSet<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            exec.checkCanceled();
            Path f = files.get(i);
            exec.setProgress(i / (double)files.size(), "reading " + (i + 1) + "/" + files.size() + ": " + f.getFileName());
            NiftiImage img;
            try {
                img = reader.readImage(f);
            } catch (InvalidInputException e) {
                if (!settings().skipBad.getBooleanValue()) {
                    throw new InvalidSettingsException("Cannot read " + e.getMessage()
                        + " (tick 'Skip unreadable files' to read the other files and get a warning instead)", e);
                }
                skipped.add(f.getFileName().toString());
                getLogger().warn("Skipped " + e.getMessage());
                continue;
            }
            double[] vox = img.volume().voxelSize();
            int[] sh = img.volume().shape();
            DataCell[] row = {cells.create(img.volume()), new IntCell(sh[0]), new IntCell(sh[1]), new IntCell(sh[2]),
                new DoubleCell(vox[0]), new DoubleCell(vox[1]), new DoubleCell(vox[2]),
                new StringCell(img.header().datatype().label()), new LongCell(img.volumes()),
                new StringCell(f.toAbsolutePath().toString())};
            out.addRowToTable(new DefaultRow(uniqueKey(NiftiFolder.stem(f.getFileName().toString()), keys), row));
        }
        out.close();
        if (!skipped.isEmpty()) {
            setWarningMessage("Skipped " + skipped.size() + " unreadable file(s): "
                + NodeWarnings.firstFew(skipped, 5, ", ") + " (details in the log)");
        }
        return out.getTable();
    }

    /** Row IDs are file stems; a repeated stem (same name in two folders) gets " (2)", " (3)"... */
    private static String uniqueKey(final String stem, final Set<String> used) {
        String k = stem;
        for (int n = 2; !used.add(k); n++) {
            k = stem + " (" + n + ")";
        }
        return k;
    }
}
