/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.ShimFileStores;
import org.knime.core.data.DataTableSpec;

/**
 * What NodeModel#execute gets: progress, cancel, containers and file stores. The shim's file stores
 * live in one directory per (root) context.
 */
public class ExecutionContext extends ExecutionMonitor {
    private final File m_fileStoreDir;

    ExecutionContext(final NodeProgressMonitor progress, final File fileStoreDir) {
        super(progress);
        m_fileStoreDir = fileStoreDir;
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        List<DataRow> rows = new ArrayList<>();
        for (DataRow r : table) {
            subProgressMon.checkCanceled();
            rows.add(r);
        }
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    public FileStore createFileStore(final String relativePath) throws IOException {
        return ShimFileStores.create(m_fileStoreDir, relativePath);
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(subMonitor(maxProg), m_fileStoreDir);
    }

    /** The shim's file store directory (for ShimHeadless). */
    File fileStoreDir() {
        return m_fileStoreDir;
    }
}
