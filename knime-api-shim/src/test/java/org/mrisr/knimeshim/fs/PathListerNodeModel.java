package org.mrisr.knimeshim.fs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;

import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.data.location.cell.SimpleFSLocationCellFactory;
import org.knime.filehandling.core.defaultnodesettings.EnumConfig;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.ReadPathAccessor;
import org.knime.filehandling.core.defaultnodesettings.filechooser.reader.SettingsModelReaderFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.knime.filehandling.core.defaultnodesettings.status.NodeModelStatusConsumer;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage.MessageType;

/**
 * Lists the selected files with their sizes, reading every byte through the FSPath stream (so it works on
 * any connected file system): the pattern a reader node follows.
 */
public final class PathListerNodeModel extends NodeModel {
    private final SettingsModelReaderFileChooser m_input;
    private final NodeModelStatusConsumer m_status =
        new NodeModelStatusConsumer(EnumSet.of(MessageType.ERROR, MessageType.WARNING));

    PathListerNodeModel(final PortsConfiguration ports) {
        super(ports.getInputPorts(), ports.getOutputPorts());
        m_input = createInputModel(ports);
    }

    static SettingsModelReaderFileChooser createInputModel(final PortsConfiguration ports) {
        return new SettingsModelReaderFileChooser("input", ports, PathListerNodeFactory.FS_GROUP,
            EnumConfig.create(FilterMode.FILE, FilterMode.FOLDER, FilterMode.FILES_IN_FOLDERS), ".nii", ".nii.gz");
    }

    SettingsModelReaderFileChooser input() {
        return m_input;
    }

    private DataTableSpec outSpec() {
        return new DataTableSpec(new DataColumnSpecCreator("Path", SimpleFSLocationCellFactory.TYPE).createSpec(),
            new DataColumnSpecCreator("Size", LongCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_input.configureInModel(inSpecs, m_status);
        m_status.setWarningsIfRequired(this::setWarningMessage);
        return new PortObjectSpec[]{outSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        try (ReadPathAccessor accessor = m_input.createReadPathAccessor()) {
            List<FSPath> paths = accessor.getFSPaths(m_status);
            m_status.setWarningsIfRequired(this::setWarningMessage);
            SimpleFSLocationCellFactory cells = new SimpleFSLocationCellFactory(paths.get(0).toFSLocation());
            long row = 0;
            for (FSPath p : paths) {
                long size = 0;
                try (InputStream in = Files.newInputStream(p)) {
                    size = in.transferTo(OutputStreamSink.INSTANCE);
                }
                out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), cells.createCell(p.toFSLocation()),
                    new LongCell(size)));
            }
        }
        out.close();
        return new PortObject[]{out.getTable()};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_input.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_input.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_input.loadSettingsFrom(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing held
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing held
    }

    @Override
    protected void reset() {
        // nothing held
    }

    /** Counts bytes without keeping them. */
    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(final int b) {
            // discard
        }

        @Override
        public void write(final byte[] b, final int off, final int len) {
            // discard
        }
    }
}
