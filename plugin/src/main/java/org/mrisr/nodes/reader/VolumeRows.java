package org.mrisr.nodes.reader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.filehandling.core.connections.FSPath;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nifti.NiftiFolder;
import org.mrisr.engine.nifti.NiftiImage;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.NonFiniteVoxels;
import org.mrisr.nodes.common.VolumeCells;
import org.mrisr.nodes.files.FsPaths;

/**
 * The rows of one execution of the NIfTI Reader: each file read through its file system's streams (a
 * .hdr finds its .img next to it on the same file system) into one row; unreadable files fail the node or,
 * when skipping, are listed in a warning; NaN/Inf voxels are handled by the node's "Non-finite voxels" option (a
 * refusal fails the node naming the file, skipping or not). One instance per execution, so copies of the node
 * never share it.
 */
final class VolumeRows {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(VolumeRows.class);

    private final BufferedDataContainer out;
    private final VolumeCells cells;
    private final NiftiReader reader;
    private final boolean skipBad;
    private final NonFiniteVoxels nonFinite;
    private final Set<String> keys = new HashSet<>();
    private final List<String> skipped = new ArrayList<>();

    VolumeRows(final ExecutionContext exec, final DataTableSpec spec, final int volume, final boolean skipBad,
        final NonFiniteVoxels nonFinite) {
        this.out = exec.createDataContainer(spec);
        this.cells = new VolumeCells(exec);
        this.reader = new NiftiReader().volume(volume);
        this.skipBad = skipBad;
        this.nonFinite = nonFinite;
    }

    /** Reads one file into a row; a file the engine refuses fails the node or is skipped. */
    void read(final FSPath file) throws Exception {
        NiftiImage img;
        try {
            img = reader.readImage(file);
        } catch (InvalidInputException e) {
            String message = e.getMessage() + FsPaths.where(file);
            if (!skipBad) {
                throw new InvalidSettingsException("Cannot read " + message
                    + " (tick 'Skip unreadable files' to read the other files and get a warning instead)", e);
            }
            skipped.add(FsPaths.fileName(file));
            LOGGER.warn("Skipped " + message);
            return;
        }
        Volume v = nonFinite.applyToFile(img.volume(), FsPaths.describe(file));
        double[] vox = v.voxelSize();
        int[] sh = v.shape();
        DataCell[] row = {cells.create(v), new IntCell(sh[0]), new IntCell(sh[1]), new IntCell(sh[2]),
            new DoubleCell(vox[0]), new DoubleCell(vox[1]), new DoubleCell(vox[2]),
            new StringCell(img.header().datatype().label()), new LongCell(img.volumes()), new StringCell(FsPaths.text(file))};
        out.addRowToTable(new DefaultRow(uniqueKey(NiftiFolder.stem(FsPaths.fileName(file))), row));
    }

    /** Row IDs are file stems; a repeated stem (same name in two folders) gets " (2)", " (3)"... */
    private String uniqueKey(final String stem) {
        String k = stem;
        for (int n = 2; !keys.add(k); n++) {
            k = stem + " (" + n + ")";
        }
        return k;
    }

    /** The warning about skipped files, or null. */
    String skippedWarning() {
        return skipped.isEmpty() ? null : "Skipped " + skipped.size() + " unreadable file(s): "
            + NodeWarnings.firstFew(skipped, 5, ", ") + " (details in the log)";
    }

    BufferedDataTable table() {
        out.close();
        return out.getTable();
    }
}
