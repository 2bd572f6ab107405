/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * A node's settings handling, configuration and execution. Override one configure/execute pair:
 * the DataTableSpec/BufferedDataTable pair for table-only nodes, the PortObject pair otherwise.
 */
public abstract class NodeModel {
    private final PortType[] m_inPortTypes;
    private final PortType[] m_outPortTypes;
    private final NodeLogger m_logger;
    private volatile String m_warningMessage;
    private volatile Object m_lastViewNotification;

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = checkPorts(inPortTypes, "In");
        m_outPortTypes = checkPorts(outPortTypes, "Out");
        m_logger = NodeLogger.getLogger(getClass());
    }

    private static PortType[] tablePorts(final int n) {
        PortType[] p = new PortType[n];
        Arrays.fill(p, BufferedDataTable.TYPE);
        return p;
    }

    private static PortType[] checkPorts(final PortType[] types, final String what) {
        if (types == null) {
            return new PortType[0];
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + "PortType[" + i + "] must not be null!");
            }
        }
        return types.clone();
    }

    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void reset();

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] tableSpecs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException(getClass().getName() + " has non-table ports and must override "
                    + "configure(PortObjectSpec[])");
            }
            tableSpecs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(tableSpecs);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new IllegalStateException("NodeModel.configure() implementation missing in " + getClass().getName());
    }

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IllegalStateException(getClass().getName() + " has non-table ports and must override "
                    + "execute(PortObject[], ExecutionContext)");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IllegalStateException("NodeModel.execute() implementation missing in " + getClass().getName());
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
        if (warningMessage != null) {
            m_logger.warn(warningMessage);
        }
    }

    protected final NodeLogger getLogger() {
        return m_logger;
    }

    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    protected final void notifyViews(final Object arg) {
        m_lastViewNotification = arg;
    }

    // ---- shim internals (used by ShimHeadless) ----

    final String warningMessage() {
        return m_warningMessage;
    }

    final PortType[] inPortTypes() {
        return m_inPortTypes.clone();
    }

    final PortType[] outPortTypes() {
        return m_outPortTypes.clone();
    }

    final Object lastViewNotification() {
        return m_lastViewNotification;
    }
}
