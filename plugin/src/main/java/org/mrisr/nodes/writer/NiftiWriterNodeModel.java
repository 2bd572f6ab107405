package org.mrisr.nodes.writer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NodePaths;
import org.mrisr.nodes.common.RowLoop;
import org.mrisr.nodes.common.SettingsNodeModel;
import org.mrisr.nodes.common.VolumeColumns;

/**
 * Writes each row's volume to {@code <folder>/<pattern>.nii[.gz]} and appends the written path.
 * All target names are checked before the first file is written, so a name clash or an existing
 * file (without "overwrite") fails the node without leaving half the batch on disk.
 */
final class NiftiWriterNodeModel extends SettingsNodeModel<NiftiWriterSettings> {
    static final String COL_WRITTEN = "Written path";

    NiftiWriterNodeModel() {
        super(1, 1, new NiftiWriterSettings());
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        defaultToFirstColumn(settings().volumeColumn, inSpecs[0], VolumeValue.class, "Volume column");
        VolumeColumns.volumeColumn(inSpecs[0], settings().volumeColumn.getStringValue(), "Volume column");
        settings().validateValues();
        FileNamePattern.parse(settings().pattern.getStringValue()).bind(inSpecs[0]);
        Path folder = NodePaths.resolve("Output folder", settings().folder.getStringValue());
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InvalidSettingsException("Output folder " + folder + " is a file, not a folder");
        }
        return new DataTableSpec[] {VolumeColumns.append(inSpecs[0], COL_WRITTEN, StringCell.TYPE)};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        BufferedDataTable in = inData[0];
        DataTableSpec spec = in.getDataTableSpec();
        int col = VolumeColumns.volumeColumn(spec, settings().volumeColumn.getStringValue(), "Volume column");
        FileNamePattern pattern = FileNamePattern.parse(settings().pattern.getStringValue());
        pattern.bind(spec);
        Path folder = NodePaths.resolve("Output folder", settings().folder.getStringValue());
        String ext = settings().gzip.getBooleanValue() ? ".nii.gz" : ".nii";
        boolean overwrite = settings().overwrite.getBooleanValue();

        // Plan every target first: clashes and existing files fail before anything is written.
        List<Path> targets = new ArrayList<>();
        Map<Path, String> owner = new HashMap<>();
        int missing = 0;
        for (DataRow row : in) {
            exec.checkCanceled();
            if (row.getCell(col).isMissing()) {
                targets.add(null);
                missing++;
                continue;
            }
            Path t = folder.resolve(pattern.nameFor(row) + ext);
            String prev = owner.putIfAbsent(t, row.getKey().getString());
            if (prev != null) {
                throw new InvalidSettingsException("Rows '" + prev + "' and '" + row.getKey() + "' would both be written to "
                    + t + ": change the file name pattern so that it is unique per row");
            }
            if (!overwrite && Files.exists(t)) {
                throw new InvalidSettingsException("File " + t + " already exists: tick 'Overwrite existing files' "
                    + "or choose another folder or file name pattern");
            }
            targets.add(t);
        }
        Files.createDirectories(folder);
        NiftiWriter writer = new NiftiWriter().storage(NiftiWriterSettings.INT16.equals(settings().storage.getStringValue())
            ? NiftiWriter.Storage.INT16_SCALED : NiftiWriter.Storage.FLOAT32);
        BufferedDataContainer out = exec.createDataContainer(VolumeColumns.append(spec, COL_WRITTEN, StringCell.TYPE));
        RowLoop.forEach(in, exec, row -> {
            Path t = targets.get((int)row.index());
            DataCell written = DataType.getMissingCell();
            if (t != null) {
                writer.writeVolume(((VolumeValue)row.row().getCell(col)).getVolume(), t);
                written = new StringCell(t.toAbsolutePath().toString());
            }
            out.addRowToTable(row.append(written));
        });
        out.close();
        if (missing > 0) {
            setWarningMessage(missing + " row(s) have no volume and were not written");
        }
        return new BufferedDataTable[] {out.getTable()};
    }
}
